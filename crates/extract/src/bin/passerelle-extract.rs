//! Command line extraction: `passerelle-extract FILE.pdf...` prints one JSON result per file.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--lines") {
        for f in args.iter().skip(1) {
            match std::fs::read(f) {
                Ok(b) => match extract::texte::lire_pages(&b, 3) {
                    Ok(doc) => {
                        println!("== {f}: {} pages", doc.nombre_de_pages);
                        for p in doc.pages {
                            println!("-- page {} ({} x {})", p.numero, p.largeur, p.hauteur);
                            for l in p.lignes {
                                println!(
                                    "[{:.1} {:.1} {:.1} {:.1}] {}",
                                    l.bbox[0],
                                    l.bbox[1],
                                    l.bbox[2],
                                    l.bbox[3],
                                    l.texte()
                                );
                            }
                        }
                    }
                    Err(e) => println!("== {f}: error: {e}"),
                },
                Err(e) => println!("== {f}: error: {e}"),
            }
        }
    }
}
