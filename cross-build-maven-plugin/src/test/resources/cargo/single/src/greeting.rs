use serde::Serialize;

#[derive(Serialize)]
pub struct Greeting {
    pub hello: String,
}

impl Greeting {
    pub fn new(name: &str) -> Self {
        Greeting { hello: name.to_string() }
    }
}
