fn main() {
    cc::Build::new().file("native/crc.c").compile("crc");
}
