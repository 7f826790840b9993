//! Rebuilding a broken cross-reference table: find every `N G obj` in the file and append a fresh
//! `xref` section and trailer, so that the `pdf` crate (which has no repair of its own) can open files
//! whose offsets are wrong or whose end was damaged, as PDF readers commonly do.
//!
//! Objects inside object streams cannot be found this way; files that relied on them for their
//! catalog stay unreadable.

/// Most objects listed in a rebuilt table.
const OBJETS_MAX: u32 = 1_000_000;

fn est_blanc(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

/// Reads an unsigned integer ending at `fin` (exclusive); returns it and its start.
fn entier_avant(o: &[u8], fin: usize) -> Option<(u32, usize)> {
    let mut debut = fin;
    while debut > 0 && o.get(debut - 1).is_some_and(u8::is_ascii_digit) {
        debut -= 1;
    }
    if debut == fin || fin - debut > 10 {
        return None;
    }
    let v = std::str::from_utf8(o.get(debut..fin)?).ok()?.parse().ok()?;
    Some((v, debut))
}

/// Positions of `N G obj` headers: `(object number, generation, offset of N)`.
fn objets(o: &[u8]) -> Vec<(u32, u32, usize)> {
    let mut trouves = Vec::new();
    let mut i = 0;
    while let Some(rel) = o
        .get(i..)
        .and_then(|r| r.windows(3).position(|w| w == b"obj"))
    {
        let pos = i + rel;
        i = pos + 3;
        // "obj" must be a whole keyword (not "endobj", not "objstm").
        if pos > 0 && !o.get(pos - 1).is_some_and(|&b| est_blanc(b)) {
            continue;
        }
        if o.get(pos + 3).is_some_and(|&b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let mut fin = pos;
        while fin > 0 && o.get(fin - 1).is_some_and(|&b| est_blanc(b)) {
            fin -= 1;
        }
        let Some((gen, debut_gen)) = entier_avant(o, fin) else {
            continue;
        };
        let mut fin_num = debut_gen;
        while fin_num > 0 && o.get(fin_num - 1).is_some_and(|&b| est_blanc(b)) {
            fin_num -= 1;
        }
        if fin_num == debut_gen {
            continue;
        }
        let Some((num, debut_num)) = entier_avant(o, fin_num) else {
            continue;
        };
        if debut_num > 0 && !o.get(debut_num - 1).is_some_and(|&b| est_blanc(b)) {
            continue;
        }
        if num == 0 || num > OBJETS_MAX || gen > 65_535 {
            continue;
        }
        trouves.push((num, gen, debut_num));
    }
    trouves
}

/// The last `/Key N G R` reference in the file (trailers and xref streams name `/Root`, `/Encrypt`…).
fn derniere_reference(o: &[u8], cle: &[u8]) -> Option<(u32, u32)> {
    let mut debut = o.len();
    while let Some(pos) = o
        .get(..debut)
        .and_then(|r| r.windows(cle.len()).rposition(|w| w == cle))
    {
        debut = pos;
        let suite = o.get(pos + cle.len()..(pos + cle.len() + 32).min(o.len()))?;
        let texte = String::from_utf8_lossy(suite);
        let mut mots = texte.split_ascii_whitespace();
        if let (Some(n), Some(g), Some(r)) = (mots.next(), mots.next(), mots.next()) {
            if r.starts_with('R') {
                if let (Ok(n), Ok(g)) = (n.parse(), g.parse()) {
                    return Some((n, g));
                }
            }
        }
    }
    None
}

/// The last `/ID [<…> <…>]` array, as written.
fn dernier_id(o: &[u8]) -> Option<String> {
    let pos = o.windows(3).rposition(|w| w == b"/ID")?;
    let reste = o.get(pos + 3..(pos + 300).min(o.len()))?;
    let debut = reste.iter().position(|&b| b == b'[')?;
    let fin = reste.iter().position(|&b| b == b']')?;
    (debut < fin)
        .then(|| String::from_utf8_lossy(reste.get(debut..=fin).unwrap_or_default()).into_owned())
}

/// The file with a rebuilt cross-reference table appended, or `None` when no object or catalog is found.
pub(crate) fn reconstruire(o: &[u8]) -> Option<Vec<u8>> {
    let entete = o.windows(4).position(|w| w == b"%PDF")?;
    let mut trouves = objets(o);
    if trouves.is_empty() {
        return None;
    }
    // Later definitions (incremental updates) win: keep the last offset of each object number.
    trouves.sort_by_key(|&(n, _, pos)| (n, pos));
    let mut table: Vec<(u32, u32, usize)> = Vec::new();
    for t in trouves {
        match table.last_mut() {
            Some(dernier) if dernier.0 == t.0 => *dernier = t,
            _ => table.push(t),
        }
    }
    let racine = derniere_reference(o, b"/Root").or_else(|| {
        // No trailer left: the catalog is the object whose dictionary says /Type /Catalog.
        table.iter().rev().find_map(|&(n, g, pos)| {
            let fin = (pos + 400).min(o.len());
            let debut =
                String::from_utf8_lossy(o.get(pos..fin).unwrap_or_default()).replace(' ', "");
            debut.contains("/Type/Catalog").then_some((n, g))
        })
    })?;
    let taille = table.last().map(|t| t.0 + 1)?;
    let mut sortie = o.to_vec();
    sortie.extend_from_slice(b"\n");
    let position_xref = sortie.len().checked_sub(entete)?;
    sortie.extend_from_slice(format!("xref\n0 {taille}\n0000000000 65535 f \n").as_bytes());
    let mut suivant = table.iter().peekable();
    for n in 1..taille {
        match suivant.peek() {
            Some(&&(num, gen, pos)) if num == n => {
                sortie.extend_from_slice(
                    format!("{:010} {:05} n \n", pos.saturating_sub(entete), gen).as_bytes(),
                );
                suivant.next();
            }
            _ => sortie.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    let mut trailer = format!(
        "trailer\n<< /Size {taille} /Root {} {} R",
        racine.0, racine.1
    );
    if let Some((n, g)) = derniere_reference(o, b"/Encrypt") {
        trailer.push_str(&format!(" /Encrypt {n} {g} R"));
    }
    if let Some(id) = dernier_id(o) {
        trailer.push_str(&format!(" /ID {id}"));
    }
    trailer.push_str(&format!(" >>\nstartxref\n{position_xref}\n%%EOF\n"));
    sortie.extend_from_slice(trailer.as_bytes());
    Some(sortie)
}

/// Some writers store the permissions `/P` of the encryption dictionary as an unsigned number
/// (`4294967292` for −4); the `pdf` crate reads integers as `i32` and refuses it. Returns a copy with
/// such values rewritten as the signed integer the standard asks for (PDF 32000-1 Table 21), padded
/// with spaces so that no offset moves; `None` when there is nothing to rewrite.
pub(crate) fn corriger_permissions(o: &[u8]) -> Option<Vec<u8>> {
    let mut copie: Option<Vec<u8>> = None;
    let mut i = 0;
    while let Some(rel) = o
        .get(i..)
        .and_then(|r| r.windows(2).position(|w| w == b"/P"))
    {
        let mut debut = i + rel + 2;
        i = debut;
        while o.get(debut).is_some_and(|&b| est_blanc(b)) {
            debut += 1;
        }
        let mut fin = debut;
        while o.get(fin).is_some_and(u8::is_ascii_digit) {
            fin += 1;
        }
        if fin == debut || fin - debut > 10 {
            continue;
        }
        let Some(v) = std::str::from_utf8(o.get(debut..fin)?)
            .ok()
            .and_then(|t| t.parse::<u64>().ok())
        else {
            continue;
        };
        if !(1u64 << 31..1u64 << 32).contains(&v) {
            continue;
        }
        let signe = format!("{:<width$}", (v as u32) as i32, width = fin - debut);
        let c = copie.get_or_insert_with(|| o.to_vec());
        if let Some(zone) = c.get_mut(debut..fin) {
            zone.copy_from_slice(signe.as_bytes());
        }
    }
    copie
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_headers_are_found_but_not_endobj_or_objstm() {
        let o =
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n12 3 obj /ObjStm endobj x2 0 obj";
        let t: Vec<(u32, u32)> = objets(o).into_iter().map(|(n, g, _)| (n, g)).collect();
        assert_eq!(t, [(1, 0), (12, 3)]);
    }

    #[test]
    fn unsigned_permissions_are_rewritten_in_place() {
        let o = b"<< /P 4294967292 /Pages 2 0 R /P 12 >>";
        let c = corriger_permissions(o).expect("one value to rewrite");
        assert_eq!(c, b"<< /P -4         /Pages 2 0 R /P 12 >>".to_vec());
        assert_eq!(corriger_permissions(b"<< /P -4 >>"), None);
    }

    #[test]
    fn the_last_root_reference_wins() {
        assert_eq!(
            derniere_reference(b"/Root 1 0 R ... /Root 7 0 R >>", b"/Root"),
            Some((7, 0))
        );
        assert_eq!(derniere_reference(b"/Root <<>>", b"/Root"), None);
    }
}
