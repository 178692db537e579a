//! Prints a JSON greeting that names the architecture the binary was built for.
use serde_derive::Serialize;

#[derive(Serialize)]
struct Greeting {
    message: &'static str,
    version: &'static str,
    arch: &'static str,
    os: &'static str,
}

fn main() {
    let greeting = Greeting {
        message: "hello from cargo",
        version: env!("CARGO_PKG_VERSION"),
        arch: std::env::consts::ARCH,
        os: std::env::consts::OS,
    };
    println!("{}", serde_json::to_string(&greeting).expect("a plain struct serializes"));
}
