profile export
  label    Export test
  penalty  0.6

section all
  label    All
  weight   1
  need     2
  skill.langs    1
  skill.german   1
  duty.deploy    1

title
  weight   1
  skill.r  1
