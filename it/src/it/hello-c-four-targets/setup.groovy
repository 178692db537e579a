// The real example's sources.
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
true
