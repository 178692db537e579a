fn main() { toolbox::archive::pack(); }
