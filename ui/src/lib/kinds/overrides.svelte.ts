// Words the user chose instead of Keel's own for a kind (Settings → Privacy on screen), so
// nothing on screen names what they'd rather not. Empty means Keel's word.
export const labelOverrides = $state<{ session: string; craving: string }>({ session: '', craving: '' });
