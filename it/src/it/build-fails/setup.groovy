// The example's sources with one compile error put in.
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
def hello = new File(basedir, 'hello.c')
hello.text = hello.text.replace('return 0;', 'return undeclared_variable;')
assert hello.text.contains('undeclared_variable')
true
