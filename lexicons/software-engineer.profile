# A neighbouring role, for `--roles`: the software engineer (backend, frontend,
# mobile, DevOps), who builds and runs software that may call ML but does not
# make it. Derived from the developer ads of the development sets. Format:
# lexicons/README.md.

profile software-engineer
  label    Software Engineer
  penalty  0.6
  must     dev.backend | dev.frontend | dev.mobile | dev.devops | role.software_engineer

section building
  label    Building applications
  weight   30
  need     4
  dev.backend                   2
  dev.frontend                  2
  dev.mobile                    2
  role.software_engineer        1

section languages
  label    Languages
  weight   15
  need     3
  skill.java                    2
  dev.languages                 2
  skill.python                  1
  skill.cpp                     1
  skill.scala                   1
  skill.sql                     1

section quality
  label    Software quality and practice
  weight   20
  need     3
  dev.quality                   3

section operations
  label    DevOps and operations
  weight   15
  need     3
  dev.devops                    2
  skill.docker                  1
  skill.kubernetes              1

section education
  label    Education
  weight   5
  need     2
  edu.degree                    2

section collaboration
  label    Communication and collaboration
  weight   5
  need     1
  soft.communication            1
  soft.collaboration            1

title
  weight   25
  role.software_engineer        1
  dev.backend                   0.9
  dev.frontend                  0.9
  dev.mobile                    0.9
  dev.devops                    0.8
