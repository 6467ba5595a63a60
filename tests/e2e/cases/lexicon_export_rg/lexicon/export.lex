# A small lexicon exercising every rule of `jobmatch lexicon export --format rg` (src/export.h).

concept skill.langs
  label   Languages
  origin  article
  # literal characters escaped; \B next to a non-word character at either end
  any     c++ | c# | .net | scikit-learn | ai/ml | r&d
  # a space between words, '*' runs, an apostrophe
  en      machine learning | predictive model* | *kenntnisse | bayes'sche

concept skill.german
  label   German
  origin  article
  # umlaut folding: ä ö ü ß get their folded spelling as an alternative, at the edges too
  de      Fähigkeiten | große* sprachmodell* | überführ* | ölförderung

concept skill.r
  label   R
  origin  article
  weak    r
  near    python
  # not patterns are not exported
  not     re:[0-9]+ r

concept duty.deploy
  label   Deploy models
  origin  article
  # re: patterns: spaces and [ /.'-] become a separator run, [^ ] a token character, named
  # groups plain groups, ae/oe/ue/ss get their umlaut, escaped punctuation stays literal
  en      re:(?:deploy|ship)(?:s|ed|ing)? (?:[^ ]+ ){0,2}models? | re:(?P<x>ai)[ /.'-]ml | re:auswaehl[^ ]* | re:c\+\+[0-9]+
