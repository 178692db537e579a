// The IT builds the real example's sources, so the example stays tested.
def example = new File(basedir, '../../../../examples/hello-c').canonicalFile
['hello.c', 'Makefile'].each { name -> new File(basedir, name).bytes = new File(example, name).bytes }
