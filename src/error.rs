//! Diagnostics: every problem the tool finds in its input, with its place.
//!
//! Errors are values, collected as the pipeline goes (a bad claim never stops
//! the others from being checked) and rendered in one place, [`Diagnostic`]'s
//! `Display`: `path:line:col: error: what is wrong` followed by a `help:` line
//! that says what would be right.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// How bad a diagnostic is. Errors make the run exit 2; warnings never change the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in an input file. Lines and columns are 1-based; 0 means unknown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub file: Arc<Path>,
    pub line: u32,
    pub col: u32,
}

impl Loc {
    pub fn file(file: &Arc<Path>) -> Loc {
        Loc { file: file.clone(), line: 0, col: 0 }
    }

    pub fn at(file: &Arc<Path>, line: u32, col: u32) -> Loc {
        Loc { file: file.clone(), line, col }
    }
}

impl fmt::Display for Loc {
    /// `path:line:col`, the path with every control or invisible character
    /// escaped, a line break and a tab too: a file name may hold any of
    /// them, and one would split or rewrite the line that names the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.file.display().to_string();
        let hidden = |c: char| crate::text::is_invisible(c) || c.is_control();
        f.write_str(&crate::text::escape_where(&path, hidden))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        Ok(())
    }
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub loc: Option<Loc>,
    pub severity: Severity,
    pub message: String,
    /// What would be right, or what was matched instead.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(loc: Option<Loc>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { loc, severity: Severity::Error, message: message.into(), help: None }
    }

    pub fn warning(loc: Option<Loc>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { loc, severity: Severity::Warning, message: message.into(), help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.loc {
            write!(f, "{loc}: ")?;
        }
        write!(f, "{}: {}", self.severity.as_str(), Visible(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", Visible(help))?;
        }
        Ok(())
    }
}

/// Text from the input as a terminal should show it: a character nobody
/// sees (`text::is_invisible`: a zero-width space, a right-to-left override
/// that would reorder the rest of the line) or a control character other
/// than a line break or tab is written as its escape, `\u{200b}`, so that a
/// name that looks right but is not can be told from the right one.
struct Visible<'a>(&'a str);

impl fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |c: char| crate::text::is_invisible(c) || (c.is_control() && c != '\n' && c != '\t');
        f.write_str(&crate::text::escape_where(self.0, hidden))
    }
}

/// Diagnostics in a stable order: by file, line, column, then text.
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    diags.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_control_characters_are_shown_escaped() {
        let d = Diagnostic::error(None, "'Gene\u{200B}va' is not in the registry\u{202E} (\u{7})".to_string())
            .with_help("line one\n\tand two");
        assert_eq!(
            d.to_string(),
            "error: 'Gene\\u{200b}va' is not in the registry\\u{202e} (\\u{7})\n  help: line one\n\tand two"
        );
        let plain = Diagnostic::error(None, "'Genève' – fine".to_string());
        assert_eq!(plain.to_string(), "error: 'Genève' – fine");
    }

    #[test]
    fn a_file_name_with_control_characters_is_shown_escaped_line_breaks_too() {
        let file: Arc<Path> = Arc::from(Path::new("claims/z\u{1b}[2J\n\ty.yaml"));
        let d = Diagnostic::error(Some(Loc::at(&file, 3, 7)), "wrong".to_string());
        assert_eq!(d.to_string(), "claims/z\\u{1b}[2J\\u{a}\\u{9}y.yaml:3:7: error: wrong");
    }
}
