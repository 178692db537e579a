fn main() {
    println!("{}", greet::greeting("cache"));
}
