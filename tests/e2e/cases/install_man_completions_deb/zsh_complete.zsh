# Tab completion in a real interactive zsh (on a pseudo-terminal via zsh/zpty), with the
# installed _jobmatch found through fpath and compinit, as after `cmake --install`.
#   zsh -f zsh_complete.zsh COMPLETION_DIR SCRATCH_DIR
zmodload zsh/zpty
dir=$1 scratch=$2
# Types a line with TABs into a fresh shell and collects the screen until every expected word
# showed (5 s at most); prints the words that did.
complete_line() {
  local typed=$1; shift
  local out="" line i w all
  zpty z zsh -f -i
  zpty -w z "fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -d $scratch/zcompdump; PROMPT='%% '"
  zpty -w -n z "$typed"
  for i in {1..50}; do
    while zpty -r -t z line; do out+=$line; done
    all=1
    for w in "$@"; do [[ $out == *$w* ]] || all=0; done
    (( all )) && break
    sleep 0.1
  done
  zpty -d z
  local found=()
  for w in "$@"; do [[ $out == *$w* ]] && found+=$w; done
  print -r -- "zsh: ${(V)typed} -> ${found[*]}"
}
complete_line $'jobmatch sc\t' score schema
complete_line $'jobmatch score --format \t\t' table tsv csv jsonl json
complete_line $'jobmatch check --form\t' --format
complete_line $'jobmatch check --require skill.pyt\t' skill.python
complete_line $'jobmatch score -p data-\t\t' data-engineer data-scientist
