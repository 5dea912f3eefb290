//! `repatwatch`: the command-line tool (thin: the work is in the libraries).

fn main() {
    let report = repatwatch_extract::Report {
        id: "x".into(),
        text: std::io::read_to_string(std::io::stdin()).unwrap_or_default(),
        ..Default::default()
    };
    let out = repatwatch_extract::extract(&report, &Default::default());
    println!("{}", serde_json::to_string(&out).unwrap());
}
