mod report;

fn main() { report::print(); }
