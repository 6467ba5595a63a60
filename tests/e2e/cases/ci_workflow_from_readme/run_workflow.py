# Runs the `run:` steps of the GitHub Actions workflow in README.md (the YAML block after
# "<!-- e2e: github-workflow -->") the way a runner does: each step in `bash --noprofile --norc
# -eo pipefail`, in the workspace, with GITHUB_WORKSPACE and GITHUB_STEP_SUMMARY set; after a
# failed step only steps with `if: always()` run. `uses:` steps (checkouts) are done by the caller.
#   python3 run_workflow.py README WORKSPACE SUMMARY
import os, re, subprocess, sys
import yaml

readme, workspace, summary = sys.argv[1:4]
text = open(readme, encoding="utf-8").read()
block = re.search(r"<!-- e2e: github-workflow -->\s*```yaml\n(.*?)```", text, re.S).group(1)
workflow = yaml.safe_load(block)
(job_name, job), = workflow["jobs"].items()
env = dict(os.environ, GITHUB_WORKSPACE=workspace, GITHUB_STEP_SUMMARY=summary, CI="true")
failed = False
for step in job["steps"]:
    name = step.get("name") or step.get("uses") or step["run"].strip()
    if "run" not in step:
        print(f"step '{name}': done by the test (checkout)")
        continue
    if failed and step.get("if") != "always()":
        print(f"step '{name}': skipped")
        continue
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=workspace, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(f"step '{name}': exit {proc.returncode}")
    # jobmatch's output in full; a build's only when it fails
    if step["run"].lstrip().startswith("jobmatch"):
        print(proc.stdout, end="")
    elif proc.returncode != 0:
        print(proc.stdout[-3000:], end="")
    failed = failed or proc.returncode != 0
sys.exit(1 if failed else 0)
