use serde_derive::Serialize;

#[derive(Serialize)]
pub struct Greeting {
    pub to: String,
    pub times: u32,
}

/// The greeting as JSON.
pub fn greeting(to: &str) -> String {
    serde_json::to_string(&Greeting { to: to.to_string(), times: 1 }).unwrap()
}
