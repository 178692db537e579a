fn main() -> anyhow::Result<()> {
    println!("{}", shared::greeting());
    Ok(())
}
