// The one Node API a test uses (contract.test.ts reads the contract table from the repository).
// The UI itself is typed for the browser only, so Node's types are not in the program.
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
}
