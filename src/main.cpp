// jobmatch: scores job postings against a role profile. Everything lives in cli.cpp.
#include "cli.h"

int main(int argc, char** argv) { return jobmatch::run_cli(argc, argv); }
