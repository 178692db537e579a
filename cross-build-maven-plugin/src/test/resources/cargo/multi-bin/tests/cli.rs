#[test] fn packs() {}
