//! Positioned text of a page: words and lines with boxes in PDF user space, in reading order.
//!
//! This is the interface between the text layer (`texte`) and field finding (`champs`).

/// A box in PDF user space: `[x0, y0, x1, y1]`, origin bottom-left, `x0 <= x1`, `y0 <= y1`.
pub type BBox = [f32; 4];

/// A word: glyphs of one text run with no gap wider than a space between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mot {
    /// The word's text, Unicode (ligatures expanded, no control characters).
    pub texte: String,
    /// Box of the word.
    pub bbox: BBox,
}

/// A line: words sharing a baseline, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Ligne {
    /// Words left to right. Invariant: never empty.
    pub mots: Vec<Mot>,
    /// Union of the words' boxes.
    pub bbox: BBox,
}

impl Ligne {
    /// The line's text, words joined by one space.
    pub fn texte(&self) -> String {
        let mut s = String::new();
        for (i, mot) in self.mots.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&mot.texte);
        }
        s
    }
}

/// One page's text: lines top to bottom (then left to right for lines on the same baseline).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// 1-based page number.
    pub numero: u32,
    /// Page width in user space units (from the MediaBox).
    pub largeur: f32,
    /// Page height in user space units (from the MediaBox).
    pub hauteur: f32,
    /// Lines in reading order.
    pub lignes: Vec<Ligne>,
}
