#[no_mangle]
pub extern "C" fn demo_greeting_len() -> libc::size_t {
    shared::greeting().len()
}
