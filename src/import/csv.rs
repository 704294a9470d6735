//! A small CSV reader (RFC 4180: commas, quoted fields with doubled quotes, line breaks inside
//! quotes, CRLF or LF), for exports from other apps. It never panics, whatever the input, and
//! says on which line each row began.

/// One row: the line it began on (1-based) and its fields.
pub type Row = (usize, Vec<String>);

/// Rows of `text` (a leading byte-order mark is dropped). An unclosed quote is an error naming
/// the line it opened on. Blank lines are skipped.
pub fn rows(text: &str) -> Result<Vec<Row>, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut field = String::new();
    let mut fields: Vec<String> = Vec::new();
    let mut line = 1usize;
    let mut row_line = 1usize;
    let mut quoted = false;
    let mut quote_line = 0usize;
    let mut chars = text.chars().peekable();
    let mut touched = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                quoted = true;
                quote_line = line;
                touched = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                touched = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if touched || !field.is_empty() {
                    fields.push(std::mem::take(&mut field));
                    out.push((row_line, std::mem::take(&mut fields)));
                }
                touched = false;
                line += 1;
                row_line = line;
            }
            c => {
                field.push(c);
                touched = true;
            }
        }
    }
    if quoted {
        return Err(quote_line);
    }
    if touched || !field.is_empty() {
        fields.push(field);
        out.push((row_line, fields));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks_inside_fields_with_the_line_each_row_began() {
        let text = "\u{feff}a,b,c\r\n1,\"two, three\",\"say \"\"hi\"\"\"\r\n\r\n2,\"line one\nline two\",x\n3,,";
        let r = rows(text).unwrap();
        assert_eq!(
            r,
            vec![
                (1, vec!["a".into(), "b".into(), "c".into()]),
                (
                    2,
                    vec!["1".into(), "two, three".into(), "say \"hi\"".into()]
                ),
                (4, vec!["2".into(), "line one\nline two".into(), "x".into()]),
                (6, vec!["3".into(), String::new(), String::new()]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opened_on() {
        assert_eq!(rows("a,b\n1,\"open\n2,3\n"), Err(2));
    }
}
