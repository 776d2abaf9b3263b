//! Gold attributions from a BRAT standoff folder, as PolNeAR and LitBank ship them.
//!
//! The folder is walked recursively in file-name order; each `NAME.ann` with a `NAME.txt`
//! beside it is one document, whose id is the path of the `.txt` relative to the folder with
//! `/` separators — the id `whosaid analyze FOLDER` gives the same file, so its quote table
//! lines up with this gold. A `.txt` without an `.ann` is not a gold document and is skipped;
//! an `.ann` without its `.txt` is an error. The text is read like `whosaid analyze` reads it
//! (UTF-8, a leading byte-order mark dropped, invalid bytes replaced).
//!
//! **Offsets** are taken as Unicode character offsets into the `.txt` as read (no newline
//! translation), which is what brat itself counts (a Python `str`), end exclusive.
//!
//! Lines of the `.ann`:
//! - `T1\tSource 10 25\ttext`: a text-bound annotation; discontinuous spans are separated by
//!   `;` (`T3\tContent 10 20;25 40\t...`). Labels are case-insensitive; `Source` (or
//!   `Speaker`) is a speaker mention, `Cue` a cue, `Content` (or `Quote`) reported content;
//!   other labels are kept for reference only.
//! - `E1\tAttribution:T2 Source:T1 Content:T3`: an attribution event. Its trigger gives the
//!   spans of its own label's role, or the cue when its label is none of the three (an
//!   `Attribution` trigger is the cue word); each `Role:Tn` argument (`Source`, `Speaker`,
//!   `Cue`, `Content`, `Quote`, with an optional number: `Content2`) adds Tn's spans to that
//!   role, or to the role of Tn's label when the role name is none of these.
//! - `R1\tSource Arg1:T2 Arg2:T1` / `R2\tContent Arg1:T2 Arg2:T3`: relations tying a role to
//!   an anchor, usually the cue. The argument whose label has the relation's role is the
//!   target, the other one the anchor (Arg1 when neither has it); all relations on the same
//!   anchor make one attribution, whose anchor spans go to the role of the anchor's label.
//! - Other lines (`A`, `N`, `#`, `*`, blank) are ignored.
//!
//! Each event and each relation anchor becomes one gold quote: content spans, speaker = the
//! source spans, cue spans; `direct` when the content holds a quotation mark or is enclosed by
//! one right outside it ([`content_is_direct`]); no
//! `speaker_name`. A `Content` annotation that no attribution uses becomes a quote of its own
//! (no speaker, no cue); an attribution without content is dropped (there is nothing to
//! score). Malformed lines, unknown ids and spans outside the text are errors naming the
//! `.ann` file and line.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::corpus::{read_txt, relative_id};
use crate::error::{Error, Result};
use crate::eval::gold::{GoldDoc, GoldQuote, Span, check_unique, content_is_direct};
use crate::eval::text::CharText;

/// The role a text-bound annotation plays in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Cue,
    Content,
}

/// The role a label or an argument role name stands for (case-insensitive; a trailing number
/// is ignored: `Content2`).
fn role_of(name: &str) -> Option<Role> {
    let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let is = |s: &str| name.eq_ignore_ascii_case(s);
    if is("source") || is("speaker") {
        Some(Role::Source)
    } else if is("cue") {
        Some(Role::Cue)
    } else if is("content") || is("quote") {
        Some(Role::Content)
    } else {
        None
    }
}

/// A text-bound annotation.
#[derive(Debug, Clone)]
struct TextBound {
    label: String,
    spans: Vec<Span>,
}

impl TextBound {
    fn role(&self) -> Option<Role> {
        role_of(&self.label)
    }
}

/// An attribution being put together.
#[derive(Debug, Default)]
struct Attribution {
    content: Vec<Span>,
    source: Vec<Span>,
    cue: Vec<Span>,
}

impl Attribution {
    fn add(&mut self, role: Role, spans: &[Span]) {
        let list = match role {
            Role::Source => &mut self.source,
            Role::Cue => &mut self.cue,
            Role::Content => &mut self.content,
        };
        for s in spans {
            if !list.contains(s) {
                list.push(*s);
            }
        }
    }
}

/// Reads every `.ann`/`.txt` pair under `dir`; see the [module docs](self).
pub fn read_dir(dir: &Path) -> Result<Vec<GoldDoc>> {
    let mut anns: Vec<PathBuf> = Vec::new();
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            match e.into_io_error() {
                Some(source) => Error::Io { path, source },
                None => Error::Gold {
                    path,
                    line: None,
                    message: "cannot walk the folder (symbolic link loop)".into(),
                },
            }
        })?;
        let is_ann = entry
            .path()
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ann"));
        if entry.file_type().is_file() && is_ann {
            anns.push(entry.into_path());
        }
    }
    let mut docs = Vec::with_capacity(anns.len());
    for ann in anns {
        let txt = ann.with_extension("txt");
        if !txt.is_file() {
            return Err(Error::Gold {
                path: ann,
                line: None,
                message: format!("no text file {} beside it", txt.display()),
            });
        }
        let id = relative_id(&txt, dir);
        let (doc, _lossy) = read_txt(&txt, id)?;
        let ann_text = fs::read(&ann).map_err(|source| Error::Io {
            path: ann.clone(),
            source,
        })?;
        let ann_text = String::from_utf8_lossy(&ann_text);
        let quotes = parse_ann(&ann_text, &doc.text, &ann)?;
        let mut gold = GoldDoc {
            id: doc.id,
            text: doc.text,
            publisher: None,
            title: None,
            quotes,
        };
        gold.sort_quotes();
        docs.push(gold);
    }
    check_unique(&docs, dir)?;
    Ok(docs)
}

/// The gold quotes of one `.ann` file over `text`; `path` names the file in errors.
pub fn parse_ann(ann: &str, text: &str, path: &Path) -> Result<Vec<GoldQuote>> {
    let chars = CharText::new(text);
    let err = |line: usize, message: String| Error::Gold {
        path: path.to_path_buf(),
        line: Some(line),
        message,
    };

    // Text-bound annotations first: events and relations may come before them.
    let mut entities: HashMap<&str, TextBound> = HashMap::new();
    for (i, line) in ann.lines().enumerate() {
        let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
        if !line.starts_with('T') {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields
            .next()
            .ok_or_else(|| err(i + 1, format!("{id}: no label and offsets")))?;
        let (label, offsets) = body
            .split_once(' ')
            .ok_or_else(|| err(i + 1, format!("{id}: no offsets after the label")))?;
        let spans =
            parse_spans(offsets, chars.len()).map_err(|m| err(i + 1, format!("{id}: {m}")))?;
        entities.insert(
            id,
            TextBound {
                label: label.to_string(),
                spans,
            },
        );
    }

    // Attributions, keyed by event id or relation anchor, in order of first appearance.
    let mut attributions: BTreeMap<(usize, &str), Attribution> = BTreeMap::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut used: HashSet<&str> = HashSet::new();
    for (i, line) in ann.lines().enumerate() {
        let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
        let kind = line.chars().next();
        if !matches!(kind, Some('E' | 'R')) {
            continue;
        }
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or_default();
        let body = fields
            .next()
            .ok_or_else(|| err(i + 1, format!("{id}: no arguments")))?;
        let mut words = body.split_whitespace();
        let head = words
            .next()
            .ok_or_else(|| err(i + 1, format!("{id}: empty annotation")))?;
        let mut args: Vec<(&str, &str)> = Vec::new();
        for word in words {
            let (role, target) = word
                .split_once(':')
                .ok_or_else(|| err(i + 1, format!("{id}: argument {word:?} is not ROLE:ID")))?;
            args.push((role, target));
        }
        let lookup = |target: &str| {
            entities
                .get(target)
                .ok_or_else(|| err(i + 1, format!("{id}: unknown annotation {target}")))
        };
        if kind == Some('E') {
            // `Type:Trigger Role:Arg ...`
            let (_, trigger_id) = head
                .split_once(':')
                .ok_or_else(|| err(i + 1, format!("{id}: event without a trigger")))?;
            let trigger = lookup(trigger_id)?;
            let seq = *first_seen.entry(id).or_insert(i);
            let attribution = attributions.entry((seq, id)).or_default();
            attribution.add(trigger.role().unwrap_or(Role::Cue), &trigger.spans);
            used.insert(trigger_id);
            for (role, target) in args {
                let entity = lookup(target)?;
                if let Some(role) = role_of(role).or_else(|| entity.role()) {
                    attribution.add(role, &entity.spans);
                    used.insert(target);
                }
            }
        } else {
            // `Type Arg1:Tx Arg2:Ty`
            let Some(role) = role_of(head) else {
                continue;
            };
            let [(_, a1), (_, a2)] = args[..] else {
                return Err(err(i + 1, format!("{id}: a relation takes two arguments")));
            };
            let (e1, e2) = (lookup(a1)?, lookup(a2)?);
            let (anchor_id, anchor, target) = if e2.role() == Some(role) || e1.role() != Some(role)
            {
                (a1, e1, e2)
            } else {
                (a2, e2, e1)
            };
            let seq = *first_seen.entry(anchor_id).or_insert(i);
            let attribution = attributions.entry((seq, anchor_id)).or_default();
            if let Some(anchor_role) = anchor.role() {
                attribution.add(anchor_role, &anchor.spans);
            }
            attribution.add(role, &target.spans);
            used.insert(a1);
            used.insert(a2);
        }
    }

    let mut quotes: Vec<GoldQuote> = attributions
        .into_values()
        .filter(|a| a.content.iter().any(|s| !s.is_empty()))
        .map(|a| gold_quote(a, &chars))
        .collect();
    let mut lone: Vec<(&str, &TextBound)> = entities
        .iter()
        .filter(|(id, e)| e.role() == Some(Role::Content) && !used.contains(*id))
        .map(|(id, e)| (*id, e))
        .collect();
    lone.sort_by_key(|(id, e)| (e.spans.first().copied(), *id));
    for (_, e) in lone {
        quotes.push(gold_quote(
            Attribution {
                content: e.spans.clone(),
                ..Attribution::default()
            },
            &chars,
        ));
    }
    Ok(quotes)
}

fn gold_quote(a: Attribution, text: &CharText<'_>) -> GoldQuote {
    let direct = content_is_direct(text, &a.content);
    GoldQuote {
        content: a.content,
        direct,
        speaker: a.source,
        speaker_name: None,
        cue: a.cue,
    }
}

/// `10 20;25 40` → spans, each within `0..=chars`.
fn parse_spans(offsets: &str, chars: usize) -> std::result::Result<Vec<Span>, String> {
    offsets
        .split(';')
        .map(|part| {
            let mut nums = part.split_whitespace().map(str::parse::<usize>);
            match (nums.next(), nums.next(), nums.next()) {
                (Some(Ok(start)), Some(Ok(end)), None) if start <= end && end <= chars => {
                    Ok(Span::new(start, end))
                }
                (Some(Ok(start)), Some(Ok(end)), None) => Err(format!(
                    "span {start} {end} is not within the text ({chars} characters)"
                )),
                _ => Err(format!("bad offsets {part:?}")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, content: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }

    fn spans(list: &[(usize, usize)]) -> Vec<Span> {
        list.iter().map(|&(s, e)| Span::new(s, e)).collect()
    }

    //                     0         1         2         3         4         5         6
    //                     0123456789012345678901234567890123456789012345678901234567890123
    const TEXT_A: &str = "“We will win,” Smith said. Jones believes prices will fall.\n";
    const TEXT_B: &str = "Ann said the plan, she said, \"works\". No cue here: 'x y'.\n";

    #[test]
    fn events_relations_and_discontinuous_spans() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Relations anchored on the cue, in lower case, listed before the entities.
        write(root, "a.txt", TEXT_A);
        write(
            root,
            "a.ann",
            "R1\tsource Arg1:T2 Arg2:T1\n\
             R2\tContent Arg1:T2 Arg2:T3\n\
             T1\tSource 15 20\tSmith\n\
             T2\tCue 21 25\tsaid\n\
             T3\tCONTENT 0 14\t“We will win,”\n\
             T4\tSource 27 32\tJones\n\
             T5\tCue 33 41\tbelieves\n\
             T6\tContent 42 58\tprices will fall\n\
             R3\tContent Arg1:T6 Arg2:T5\n\
             R4\tSource Arg1:T5 Arg2:T4\n\
             #1\tAnnotatorNotes T1\ta note\n",
        );
        // An event with a discontinuous content, and a lone content annotation.
        write(root, "sub/b.txt", TEXT_B);
        write(
            root,
            "sub/b.ann",
            "T1\tSource 0 3\tAnn\n\
             T2\tAttribution 4 8\tsaid\n\
             T3\tContent 9 17;29 36\tthe plan works\n\
             E1\tAttribution:T2 Source:T1 Content:T3\n\
             T4\tContent 51 56\t'x y'\n\
             A1\tConfidence E1 High\n",
        );
        write(root, "c.txt", "no annotations file: skipped");
        let docs = read_dir(root).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "sub/b.txt"]);

        let a = &docs[0].quotes;
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].content, spans(&[(0, 14)]));
        assert_eq!(a[0].speaker, spans(&[(15, 20)]));
        assert_eq!(a[0].cue, spans(&[(21, 25)]));
        assert!(a[0].direct);
        assert_eq!(a[0].speaker_name, None);
        assert_eq!(a[1].content, spans(&[(42, 58)]));
        assert_eq!(a[1].speaker, spans(&[(27, 32)]));
        assert_eq!(a[1].cue, spans(&[(33, 41)]));
        assert!(!a[1].direct);

        let b = &docs[1].quotes;
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].content, spans(&[(9, 17), (29, 36)]));
        assert_eq!(b[0].speaker, spans(&[(0, 3)]));
        assert_eq!(b[0].cue, spans(&[(4, 8)]));
        assert!(b[0].direct, "\"works\" has quotation marks");
        assert_eq!(b[1].content, spans(&[(51, 56)]));
        assert!(b[1].speaker.is_empty() && b[1].cue.is_empty());
        assert!(
            !b[1].direct,
            "single marks are not quotation marks of the direct subset"
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let path = Path::new("x.ann");
        let e = parse_ann(
            "T1\tCue 0 4\tsaid\nR1\tSource Arg1:T1 Arg2:T7\n",
            "said it",
            path,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "x.ann:2: R1: unknown annotation T7");
        let e = parse_ann("T1\tContent 0 40\tx\n", "short", path).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.ann:1: T1: span 0 40 is not within the text (5 characters)"
        );
        let e = parse_ann("T1\tContent zero 4\tx\n", "short", path).unwrap_err();
        assert!(e.to_string().contains("bad offsets"), "{e}");

        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "lonely.ann", "");
        let e = read_dir(dir.path()).unwrap_err().to_string();
        assert!(e.contains("no text file"), "{e}");
    }

    #[test]
    fn offsets_are_characters_and_attributions_without_content_are_dropped() {
        // "«Oui»" is 5 characters and 7 bytes: the cue starts at character 6.
        let text = "«Oui» dit Marie. Paul a dit.";
        let ann = "T1\tContent 0 5\t«Oui»\nT2\tCue 6 9\tdit\nT3\tSource 10 15\tMarie\n\
                   E1\tAttribution:T2 Content:T1 Source:T3\n\
                   T4\tSource 17 21\tPaul\nT5\tCue 24 27\tdit\nR1\tSource Arg1:T5 Arg2:T4\n";
        let quotes = parse_ann(ann, text, Path::new("f.ann")).unwrap();
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].content, spans(&[(0, 5)]));
        assert_eq!(quotes[0].cue, spans(&[(6, 9)]));
        assert_eq!(quotes[0].speaker, spans(&[(10, 15)]));
        assert!(quotes[0].direct);
    }
}
