//! A tolerant tokenizer for content streams and CMaps: operands, then an operator.
//!
//! Written here rather than taken from the `pdf` crate because the crate's content parser stops at
//! the first malformed operator and builds the whole operation list up front; this one skips what it
//! does not understand, never allocates more than the input, and lets the caller stop at any point.

/// An operand of a content stream operator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operande {
    /// An integer or real number.
    Nombre(f32),
    /// A literal or hexadecimal string, as bytes.
    Chaine(Vec<u8>),
    /// A name, without its slash.
    Nom(String),
    /// An array.
    Tableau(Vec<Operande>),
    /// A dictionary, boolean or null: kept only as a placeholder.
    Autre,
}

/// Most operands kept before a content stream operator (none takes more than a few; the rest is garbage).
const PILE_MAX: usize = 64;
/// Most operands kept before a CMap block end (the CMap format allows 100 entries of 3 operands per block;
/// writers exceed it).
const PILE_MAX_CMAP: usize = 65_536;
/// Deepest nesting of arrays and dictionaries.
const IMBRICATION_MAX: usize = 16;

/// One token read from the stream.
#[derive(Debug, PartialEq)]
enum Jeton {
    Operande(Operande),
    Operateur(String),
    DebutTableau,
    FinTableau,
    Fin,
}

/// Reads `operands operator` groups from content stream bytes.
pub(crate) struct Lexeur<'a> {
    donnees: &'a [u8],
    pos: usize,
    pile_max: usize,
}

fn est_blanc(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn est_delimiteur(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexeur<'a> {
    /// A lexer at the start of `donnees`.
    pub(crate) fn new(donnees: &'a [u8]) -> Self {
        Lexeur {
            donnees,
            pos: 0,
            pile_max: PILE_MAX,
        }
    }

    /// A lexer for a CMap, whose blocks carry many operands before their `end…` operator.
    pub(crate) fn pour_cmap(donnees: &'a [u8]) -> Self {
        Lexeur {
            donnees,
            pos: 0,
            pile_max: PILE_MAX_CMAP,
        }
    }

    fn octet(&self) -> Option<u8> {
        self.donnees.get(self.pos).copied()
    }

    fn sauter_blancs(&mut self) {
        while let Some(b) = self.octet() {
            if est_blanc(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.octet() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next operator and its operands, or `None` at the end of the stream.
    pub(crate) fn suivant(&mut self) -> Option<(String, Vec<Operande>)> {
        let mut pile: Vec<Operande> = Vec::new();
        loop {
            match self.jeton(0) {
                Jeton::Fin => return None,
                Jeton::Operande(o) => {
                    if pile.len() < self.pile_max {
                        pile.push(o);
                    }
                }
                Jeton::DebutTableau => {
                    let t = self.tableau(1);
                    if pile.len() < self.pile_max {
                        pile.push(t);
                    }
                }
                Jeton::FinTableau => {}
                Jeton::Operateur(op) => {
                    if op == "BI" {
                        self.sauter_image_en_ligne();
                        pile.clear();
                        continue;
                    }
                    return Some((op, pile));
                }
            }
        }
    }

    fn tableau(&mut self, profondeur: usize) -> Operande {
        let mut elements = Vec::new();
        loop {
            match self.jeton(profondeur) {
                Jeton::Fin | Jeton::FinTableau => break,
                Jeton::Operande(o) => elements.push(o),
                Jeton::DebutTableau => {
                    if profondeur < IMBRICATION_MAX {
                        elements.push(self.tableau(profondeur + 1));
                    }
                }
                // An operator inside an array is malformed; PostScript CMaps use `{ }` procedures we ignore.
                Jeton::Operateur(_) => {}
            }
        }
        Operande::Tableau(elements)
    }

    fn jeton(&mut self, profondeur: usize) -> Jeton {
        self.sauter_blancs();
        let Some(b) = self.octet() else {
            return Jeton::Fin;
        };
        match b {
            b'[' => {
                self.pos += 1;
                Jeton::DebutTableau
            }
            b']' => {
                self.pos += 1;
                Jeton::FinTableau
            }
            b'(' => {
                self.pos += 1;
                Jeton::Operande(Operande::Chaine(self.chaine_litterale()))
            }
            b'<' => {
                if self.donnees.get(self.pos + 1) == Some(&b'<') {
                    self.pos += 2;
                    self.sauter_dictionnaire(profondeur);
                    Jeton::Operande(Operande::Autre)
                } else {
                    self.pos += 1;
                    Jeton::Operande(Operande::Chaine(self.chaine_hexa()))
                }
            }
            b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Jeton::Operande(Operande::Autre)
            }
            b'/' => {
                self.pos += 1;
                Jeton::Operande(Operande::Nom(self.nom()))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let debut = self.pos;
                self.pos += 1;
                while let Some(c) = self.octet() {
                    if c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+' {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let texte = self.donnees.get(debut..self.pos).unwrap_or_default();
                Jeton::Operande(Operande::Nombre(nombre(texte)))
            }
            _ => {
                let debut = self.pos;
                while let Some(c) = self.octet() {
                    if est_blanc(c) || est_delimiteur(c) {
                        break;
                    }
                    self.pos += 1;
                }
                if self.pos == debut {
                    // A lone byte we cannot classify: skip it.
                    self.pos += 1;
                    return Jeton::Operande(Operande::Autre);
                }
                let mot =
                    String::from_utf8_lossy(self.donnees.get(debut..self.pos).unwrap_or_default())
                        .into_owned();
                match mot.as_str() {
                    "true" | "false" | "null" => Jeton::Operande(Operande::Autre),
                    _ => Jeton::Operateur(mot),
                }
            }
        }
    }

    fn nom(&mut self) -> String {
        let mut octets = Vec::new();
        while let Some(c) = self.octet() {
            if est_blanc(c) || est_delimiteur(c) {
                break;
            }
            self.pos += 1;
            if c == b'#' {
                let h = self
                    .donnees
                    .get(self.pos..self.pos + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                if let Some(v) = h.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    octets.push(v);
                    self.pos += 2;
                    continue;
                }
            }
            octets.push(c);
        }
        String::from_utf8_lossy(&octets).into_owned()
    }

    fn chaine_litterale(&mut self) -> Vec<u8> {
        let mut sortie = Vec::new();
        let mut niveau = 1usize;
        while let Some(c) = self.octet() {
            self.pos += 1;
            match c {
                b'(' => {
                    niveau += 1;
                    sortie.push(c);
                }
                b')' => {
                    niveau -= 1;
                    if niveau == 0 {
                        break;
                    }
                    sortie.push(c);
                }
                b'\\' => {
                    let Some(e) = self.octet() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => sortie.push(b'\n'),
                        b'r' => sortie.push(b'\r'),
                        b't' => sortie.push(b'\t'),
                        b'b' => sortie.push(8),
                        b'f' => sortie.push(12),
                        b'\r' => {
                            if self.octet() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.octet() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            sortie.push((v & 0xff) as u8);
                        }
                        autre => sortie.push(autre),
                    }
                }
                _ => sortie.push(c),
            }
        }
        sortie
    }

    fn chaine_hexa(&mut self) -> Vec<u8> {
        let mut sortie = Vec::new();
        let mut haut: Option<u8> = None;
        while let Some(c) = self.octet() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let Some(v) = (c as char).to_digit(16) else {
                continue;
            };
            match haut.take() {
                Some(h) => sortie.push(h << 4 | v as u8),
                None => haut = Some(v as u8),
            }
        }
        if let Some(h) = haut {
            sortie.push(h << 4);
        }
        sortie
    }

    fn sauter_dictionnaire(&mut self, profondeur: usize) {
        loop {
            self.sauter_blancs();
            let Some(b) = self.octet() else { return };
            if b == b'>' && self.donnees.get(self.pos + 1) == Some(&b'>') {
                self.pos += 2;
                return;
            }
            match self.jeton(profondeur + 1) {
                Jeton::Fin => return,
                Jeton::DebutTableau if profondeur < IMBRICATION_MAX => {
                    let _ = self.tableau(profondeur + 1);
                }
                _ => {}
            }
        }
    }

    /// Skips `... ID <binary> EI` of an inline image (the dictionary was read as operands).
    fn sauter_image_en_ligne(&mut self) {
        // Find the ID operator.
        loop {
            match self.jeton(0) {
                Jeton::Fin => return,
                Jeton::Operateur(op) if op == "ID" => break,
                _ => {}
            }
        }
        self.pos += 1; // the single white-space after ID
                       // The data ends at the first "EI" delimited by white space.
        while self.pos < self.donnees.len() {
            let avant = self
                .donnees
                .get(self.pos.wrapping_sub(1))
                .copied()
                .unwrap_or(b' ');
            if est_blanc(avant)
                && self.donnees.get(self.pos..self.pos + 2) == Some(b"EI")
                && self.donnees.get(self.pos + 2).is_none_or(|&c| est_blanc(c))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
    }
}

/// Parses a PDF number leniently (`--5`, `5.`, `.5`, `1.2.3` are all seen in the wild).
fn nombre(texte: &[u8]) -> f32 {
    let s = std::str::from_utf8(texte).unwrap_or("0");
    if let Ok(v) = s.parse::<f32>() {
        return if v.is_finite() { v } else { 0.0 };
    }
    let negatif = s.starts_with('-');
    let chiffres: String = s
        .trim_start_matches(['-', '+'])
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut parties = chiffres.splitn(2, '.');
    let entier = parties.next().unwrap_or("");
    let frac: String = parties
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    let v: f32 = format!("0{entier}.{frac}0").parse().unwrap_or(0.0);
    let v = if v.is_finite() { v } else { 0.0 };
    if negatif {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tout(s: &[u8]) -> Vec<(String, Vec<Operande>)> {
        let mut l = Lexeur::new(s);
        std::iter::from_fn(|| l.suivant()).collect()
    }

    #[test]
    fn operators_come_with_their_operands() {
        let ops = tout(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET");
        let noms: Vec<&str> = ops.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(noms, ["BT", "Tf", "Td", "Tj", "ET"]);
        assert_eq!(
            ops[1].1,
            vec![Operande::Nom("F1".into()), Operande::Nombre(12.0)]
        );
        assert_eq!(ops[3].1, vec![Operande::Chaine(b"Hello".to_vec())]);
    }

    #[test]
    fn literal_strings_handle_escapes_and_nested_parentheses() {
        let ops = tout(br"(a\(b\) (c) \101\n\\) Tj");
        assert_eq!(ops[0].1, vec![Operande::Chaine(b"a(b) (c) A\n\\".to_vec())]);
    }

    #[test]
    fn tj_arrays_mix_strings_and_numbers() {
        let ops = tout(b"[(A) -250 <0042> 3.5] TJ");
        assert_eq!(
            ops[0].1,
            vec![Operande::Tableau(vec![
                Operande::Chaine(b"A".to_vec()),
                Operande::Nombre(-250.0),
                Operande::Chaine(vec![0, 0x42]),
                Operande::Nombre(3.5),
            ])]
        );
    }

    #[test]
    fn inline_images_and_dictionaries_are_skipped() {
        let ops = tout(b"/P <</MCID 0>> BDC BI /W 2 /H 2 ID \x00EI\x01 EI Q EMC");
        let noms: Vec<&str> = ops.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(noms, ["BDC", "Q", "EMC"]);
    }

    #[test]
    fn malformed_numbers_do_not_stop_the_stream() {
        assert_eq!(nombre(b"--5"), -5.0);
        assert_eq!(nombre(b"5."), 5.0);
        assert_eq!(nombre(b"1.2.3"), 1.23);
        let ops = tout(b"1 0 0 1 --5 3 cm ) ( Tj");
        assert_eq!(ops[0].0, "cm");
    }
}
