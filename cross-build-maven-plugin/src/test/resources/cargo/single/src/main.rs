mod greeting;

fn main() {
    println!("{}", serde_json::to_string(&greeting::Greeting::new("world")).unwrap());
}
