//! "Did you mean …?": the nearest known name to a misspelt one.

/// The candidate closest to `name` by edit distance (case-insensitive), if it is close
/// enough to be a plausible typo: at most a third of the name's length, at least one edit.
pub fn nearest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let lower = name.to_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let by_edits = candidates
        .iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), *c))
        // Replacing every character is no typo: `x` is not a misspelt `n`.
        .filter(|(d, _)| *d <= limit && *d < name.chars().count())
        .min_by_key(|(d, c)| (*d, c.len()))
        .map(|(_, c)| c);
    // Failing that, a name cut short: `MEMBER` for `MEMBER_OF`.
    by_edits.or_else(|| {
        candidates
            .iter()
            .filter(|c| lower.chars().count() >= 3 && c.to_lowercase().starts_with(&lower))
            .min_by_key(|c| c.len())
            .copied()
    })
}

/// A hint sentence for `name`, or `None` when nothing is close.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Edit distance over characters, counting a swap of two neighbours as one edit
/// (optimal string alignment), since `nmae` for `name` is the commonest typo.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_names_only() {
        let known = ["Country", "Person", "Organization"];
        assert_eq!(nearest("Contry", known), Some("Country"));
        assert_eq!(nearest("person", known), Some("Person"));
        assert_eq!(nearest("Aircraft", known), None);
        assert_eq!(nearest("nmae", ["name", "aliases"]), Some("name"));
        assert_eq!(nearest("MEMBER", ["MEMBER_OF", "LEADS"]), Some("MEMBER_OF"));
        assert_eq!(nearest("ME", ["MEMBER_OF"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
    }
}
