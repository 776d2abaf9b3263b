//! The `speaker_gender` column: female, male or unknown, from evidence in the text only
//! (a pronoun that refers to the speaker, an honorific, a gendered role noun), never from a
//! first name. Written through the public `analyze` so that they hold whatever the resolver's
//! internals become.

use whosaid::{Document, SpeakerGender, SpeakerKind, analyze};

/// The speaker name (or mention) and gender of every row of `text`.
fn genders(text: &str) -> Vec<(String, SpeakerGender)> {
    analyze(&Document::new("t.txt", text))
        .into_iter()
        .map(|q| {
            let who = q.speaker_name.or(q.speaker).unwrap_or_default();
            (who, q.speaker_gender)
        })
        .collect()
}

fn row(who: &str, gender: SpeakerGender) -> (String, SpeakerGender) {
    (who.to_string(), gender)
}

#[test]
fn a_pronoun_speaker_gives_its_gender() {
    let text = "Budget talks stall\n\nDeborah Finch and Marcus Wale met on Wednesday.\n\n\
                \"Carrow deserves better,\" she said.\n\n\"I have shown up,\" he said.\n";
    let quotes = analyze(&Document::new("t.txt", text));
    let rows: Vec<_> = quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.speaker_gender))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("she"), SpeakerGender::Female),
            (Some("he"), SpeakerGender::Male)
        ]
    );
}

#[test]
fn a_pronoun_that_refers_to_the_speaker_later_counts_for_the_earlier_quote() {
    let text = "Talks go on\n\nJordan Lee took questions on Monday.\n\n\"No comment,\" Lee said. \
                Later she added that the talks would go on.\n";
    let rows = genders(text);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| *r == row("Jordan Lee", SpeakerGender::Female)),
        "{rows:?}"
    );
}

#[test]
fn honorifics_tell_the_gender() {
    let text = "Mayors meet\n\nPer Aukland and Kari Nordmann met the press on Monday.\n\n\
                \"We are ready,\" Mr. Aukland said.\n\n\"We are not,\" said Ms. Nordmann.\n\n\
                \"We will see,\" said Mrs. Solberg.\n";
    assert_eq!(
        genders(text),
        [
            row("Per Aukland", SpeakerGender::Male),
            row("Kari Nordmann", SpeakerGender::Female),
            row("Solberg", SpeakerGender::Female)
        ]
    );
}

#[test]
fn gendered_role_nouns_tell_the_gender() {
    let text = "Ministry responds\n\n\"It is too late,\" a ministry spokeswoman said.\n\n\
                \"It is too early,\" said the chairman of the local party.\n\n\
                \"We disagree,\" Board chairman Victor Alm said.\n";
    let rows = genders(text);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        rows[0],
        row("a ministry spokeswoman", SpeakerGender::Female)
    );
    assert_eq!(rows[1].1, SpeakerGender::Male, "{rows:?}");
    assert_eq!(rows[2], row("Victor Alm", SpeakerGender::Male));
}

#[test]
fn a_first_name_alone_gives_unknown() {
    let text = "Library opens\n\nMary Johnson cut the ribbon on Monday.\n\n\
                \"It is a great day,\" Johnson said.\n\n\"Books for all,\" said Robert Smith.\n";
    assert_eq!(
        genders(text),
        [
            row("Mary Johnson", SpeakerGender::Unknown),
            row("Robert Smith", SpeakerGender::Unknown)
        ]
    );
}

#[test]
fn organizations_have_no_gender() {
    let text = "Mill to close\n\n\"The mill will close,\" the Women's Trade Union said in a \
                statement.\n";
    let quotes = analyze(&Document::new("t.txt", text));
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].speaker_kind, SpeakerKind::Organization);
    assert_eq!(quotes[0].speaker_gender, SpeakerGender::Unknown);
}
