//! Diagnostics: what `guong check` reports, with a stable rule code, a severity and the
//! position (path, line, column) an editor must change.

use std::fmt;

use serde::Serialize;

/// How serious a diagnostic is: errors block publication, warnings are published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The Vietnamese word shown in human output.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "LỖI",
            Severity::Warning => "CẢNH BÁO",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

macro_rules! codes {
    ($($variant:ident => $text:literal, $severity:ident;)*) => {
        /// A rule code of SPEC §3. The text form (`C2-REASON`) is stable API.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in SPEC order of families.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable text form, e.g. `C2-REASON`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// The severity the SPEC gives this code.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
PBom => "P-BOM", Warning;
PDupKey => "P-DUP-KEY", Error;
PEncoding => "P-ENCODING", Error;
PFmMissing => "P-FM-MISSING", Error;
PFmUnclosed => "P-FM-UNCLOSED", Error;
PHtmlRaw => "P-HTML-RAW", Warning;
PHtmlUnsafe => "P-HTML-UNSAFE", Error;
PId => "P-ID", Error;
PIdDup => "P-ID-DUP", Error;
PIgnored => "P-IGNORED", Warning;
PSize => "P-SIZE", Error;
PLink => "P-LINK", Warning;
PSpecial => "P-SPECIAL", Warning;
PRead => "P-READ", Error;
PTypeMismatch => "P-TYPE-MISMATCH", Error;
PUnknownKey => "P-UNKNOWN-KEY", Warning;
PYaml => "P-YAML", Error;
PYamlFeature => "P-YAML-FEATURE", Error;
FDate => "F-DATE", Error;
FEnum => "F-ENUM", Error;
FLength => "F-LENGTH", Error;
FPlaceholder => "F-PLACEHOLDER", Error;
FRequired => "F-REQUIRED", Error;
FType => "F-TYPE", Error;
MGroup => "M-GROUP", Error;
MIdDup => "M-ID-DUP", Error;
MOrgInactive => "M-ORG-INACTIVE", Warning;
MOrgRoot => "M-ORG-ROOT", Error;
MOrgUnknown => "M-ORG-UNKNOWN", Error;
MPeriod => "M-PERIOD", Error;
MPeriodEnd => "M-PERIOD-END", Warning;
MSection => "M-SECTION", Error;
MSectionShort => "M-SECTION-SHORT", Warning;
C1Align => "C1-ALIGN", Warning;
C1Missing => "C1-MISSING", Error;
C1Summary => "C1-SUMMARY", Error;
C1Topic => "C1-TOPIC", Error;
C1TopicKind => "C1-TOPIC-KIND", Warning;
C1TopicYear => "C1-TOPIC-YEAR", Warning;
C2Missing => "C2-MISSING", Error;
C2Other => "C2-OTHER", Error;
C2OtherUnused => "C2-OTHER-UNUSED", Warning;
C2Reason => "C2-REASON", Error;
C2Source => "C2-SOURCE", Warning;
C3KindMissing => "C3-KIND-MISSING", Warning;
C3Kinds => "C3-KINDS", Error;
C3Milestone => "C3-MILESTONE", Error;
C3MilestoneRange => "C3-MILESTONE-RANGE", Warning;
C3Missing => "C3-MISSING", Error;
C3Responsible => "C3-RESPONSIBLE", Error;
C4Code => "C4-CODE", Error;
C4Dimension => "C4-DIMENSION", Error;
C4Indicator => "C4-INDICATOR", Error;
C4Missing => "C4-MISSING", Error;
C4NoResult => "C4-NO-RESULT", Warning;
C4Target => "C4-TARGET", Warning;
C5Cost => "C5-COST", Warning;
C5Level => "C5-LEVEL", Error;
C5Missing => "C5-MISSING", Error;
C5Spread => "C5-SPREAD", Warning;
C5Target => "C5-TARGET", Error;
C5TargetSelf => "C5-TARGET-SELF", Warning;
C5TargetUnknown => "C5-TARGET-UNKNOWN", Error;
AExtra => "A-EXTRA", Warning;
ARevision => "A-REVISION", Error;
ARevisionPartial => "A-REVISION-PARTIAL", Warning;
ASource => "A-SOURCE", Error;
ASourceRetired => "A-SOURCE-RETIRED", Warning;
SEnd => "S-END", Warning;
SNoReplacement => "S-NO-REPLACEMENT", Warning;
SReplacement => "S-REPLACEMENT", Error;
SRetire => "S-RETIRE", Error;
SRetireExtra => "S-RETIRE-EXTRA", Error;
SPeriodOver => "S-PERIOD-OVER", Warning;
RAssess => "R-ASSESS", Error;
RDate => "R-DATE", Error;
RDup => "R-DUP", Error;
REmpty => "R-EMPTY", Warning;
RIdDup => "R-ID-DUP", Error;
RLate => "R-LATE", Warning;
RModelDup => "R-MODEL-DUP", Error;
RModelInactive => "R-MODEL-INACTIVE", Warning;
RModelMissing => "R-MODEL-MISSING", Warning;
RModelScope => "R-MODEL-SCOPE", Error;
RModelUnknown => "R-MODEL-UNKNOWN", Error;
ROrg => "R-ORG", Error;
ROrgRef => "R-ORG-REF", Error;
RPeriod => "R-PERIOD", Error;
RStatusMismatch => "R-STATUS-MISMATCH", Warning;
RValues => "R-VALUES", Error;
OCycle => "O-CYCLE", Error;
ODates => "O-DATES", Error;
OSuccessor => "O-SUCCESSOR", Error;
OIdDup => "O-ID-DUP", Error;
OParent => "O-PARENT", Error;
ORoot => "O-ROOT", Error;
VAggManual => "V-AGG-MANUAL", Error;
KModel => "K-MODEL", Error;
KDate => "K-DATE", Error;
KCriterionDup => "K-CRITERION-DUP", Warning;
VReportMissing => "V-REPORT-MISSING", Warning;
VUnitYear => "V-UNIT-YEAR", Warning;
DIdDup => "D-ID-DUP", Error;
DPeriod => "D-PERIOD", Error;}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A 1-based line and column (columns count Unicode scalar values). Every node of every
/// front matter holds one: 32 bits each keep it small (a content file has at most 1 MiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// Line 1, column 1: where file-level problems are reported.
    pub const START: Pos = Pos { line: 1, column: 1 };

    /// The position at `line` and `column` (beyond 32 bits, the largest one).
    pub fn new(line: usize, column: usize) -> Pos {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos { line: narrow(line), column: narrow(column) }
    }

    /// The line, as an index type.
    pub fn line(self) -> usize {
        self.line as usize
    }
}

/// One finding of the checker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Path relative to the site root, with `/`.
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// How to fix it (`gợi ý:`), when there is something useful to say.
    #[serde(serialize_with = "hint_as_string")]
    pub hint: Option<String>,
}

fn hint_as_string<S: serde::Serializer>(hint: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match hint {
        Some(h) => s.serialize_str(h),
        None => s.serialize_none(),
    }
}

impl Diagnostic {
    /// A diagnostic with the code's own severity.
    pub fn new(code: Code, path: impl Into<String>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            path: path.into(),
            line: pos.line.max(1) as usize,
            column: pos.column.max(1) as usize,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a `gợi ý:` hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The position this diagnostic points at.
    pub fn pos(&self) -> Pos {
        Pos::new(self.line, self.column)
    }
}

/// Sorts diagnostics by path, line, column, then code, and drops exact duplicates.
pub fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.column, a.code, a.message.as_str()).cmp(&(
            b.path.as_str(),
            b.line,
            b.column,
            b.code,
            b.message.as_str(),
        ))
    });
    diagnostics.dedup();
}

/// Counts of a diagnostic list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
}

impl Summary {
    /// Counts errors and warnings of `diagnostics` over `files` checked files.
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Summary {
        let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        Summary { errors, warnings: diagnostics.len() - errors, files }
    }
}
