//! Speaker-name comparison of METRICS.md: lower-cased, without punctuation and titles, the
//! predicted name equals the gold name, or holds all its tokens and ends with its surname.

/// Words dropped from both names before they are compared: honorifics, titles and offices
/// that precede a name ("Mr.", "President", "Foreign Minister", "Sen."), and the
/// generational suffixes "Jr." and "Sr.". Lower case, without punctuation.
pub const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "messrs",
    "dr",
    "prof",
    "professor",
    "president",
    "vice",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "sir",
    "dame",
    "lord",
    "lady",
    "judge",
    "justice",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "adm",
    "prime",
    "foreign",
    "chancellor",
    "ambassador",
    "rev",
    "reverend",
    "speaker",
    "chairman",
    "chairwoman",
    "sheikh",
    "jr",
    "sr",
];

/// The tokens of a name: lower-cased, hyphens, dashes and slashes read as spaces, other
/// punctuation removed ("O'Brien" → "obrien", "Mr." → "mr"), title words dropped. When
/// only title words are left, they are kept ("the President" stays a name).
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            cleaned.extend(c.to_lowercase());
        } else if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '/') {
            cleaned.push(' ');
        }
    }
    let all: Vec<String> = cleaned.split_whitespace().map(str::to_string).collect();
    let kept: Vec<String> = all
        .iter()
        .filter(|t| !TITLE_WORDS.contains(&t.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() { all } else { kept }
}

/// Whether the predicted name counts as the gold name: after [`name_tokens`], equal, or
/// holding every gold token and ending with the gold surname (its last token). An empty
/// gold or predicted name never matches.
pub fn names_match(gold: &str, predicted: &str) -> bool {
    let gold = name_tokens(gold);
    let predicted = name_tokens(predicted);
    if gold.is_empty() || predicted.is_empty() {
        return false;
    }
    if gold == predicted {
        return true;
    }
    predicted.last() == gold.last() && gold.iter().all(|t| predicted.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_drop_case_punctuation_and_titles() {
        assert_eq!(name_tokens("Mr. Rex Tillerson"), ["rex", "tillerson"]);
        assert_eq!(
            name_tokens("U.S. Sen. Bernie Sanders"),
            ["us", "bernie", "sanders"]
        );
        assert_eq!(
            name_tokens("Jean-Marie Le Pen"),
            ["jean", "marie", "le", "pen"]
        );
        assert_eq!(name_tokens("Conan O’Brien"), ["conan", "obrien"]);
        assert_eq!(name_tokens("President"), ["president"]);
        assert!(name_tokens("  ...  ").is_empty());
    }

    #[test]
    fn the_metrics_cases() {
        // Titles and punctuation do not matter.
        assert!(names_match("Rex Tillerson", "Mr. Rex Tillerson"));
        assert!(names_match("Mr. Rex Tillerson", "rex tillerson"));
        assert!(names_match(
            "Sergey Lavrov",
            "Foreign Minister Sergey Lavrov"
        ));
        // The surname alone is not the full name.
        assert!(!names_match("Darian Lonechild", "Lonechild"));
        // All gold tokens and the same surname: a middle name is fine.
        assert!(names_match("Rex Tillerson", "Rex Wayne Tillerson"));
        // All gold tokens but another last token is wrong.
        assert!(!names_match("Rex Tillerson", "Rex Tillerson Smith"));
        // Another person, and no name at all.
        assert!(!names_match("Hillary Clinton", "Bill Clinton"));
        assert!(!names_match("Hillary Clinton", ""));
        assert!(!names_match("", ""));
        // Organizations compare the same way.
        assert!(names_match(
            "Russian Foreign Ministry",
            "the Russian Foreign Ministry"
        ));
        assert!(!names_match(
            "the Russian Foreign Ministry",
            "Russian Foreign Ministry"
        ));
    }
}
