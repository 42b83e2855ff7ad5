"""Execute a notebook headless (nbclient, the engine of `jupyter nbconvert --execute`), without
touching the input file. Usage: execute_notebook.py IN OUT TIMEOUT_SECONDS

Writes the executed notebook to OUT and prints one JSON line: {"failed": null} or
{"failed": {"index": N, "message": "..."}} for the first cell that failed (tslab reports errors on
stderr with an empty traceback, which the nbconvert command line drops, hence this script).
Exit code 3: the notebook's kernel is not installed.
"""
import json
import os
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

src, out, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, encoding="utf-8") as f:
    nb = nbformat.read(f, as_version=4)
# Cells written without ids (nbformat < 4.5) get one here, in the copy only.
for i, cell in enumerate(nb.cells):
    cell.setdefault("id", f"cell-{i}")
nb.nbformat_minor = max(nb.nbformat_minor, 5)

kernel = nb.metadata.get("kernelspec", {}).get("name", "tslab")
installed = KernelSpecManager().find_kernel_specs()
if kernel not in installed:
    print(json.dumps({"kernelMissing": kernel, "installed": sorted(installed)}))
    sys.exit(3)

failed = {}
running = {"index": 0}


def on_cell_execute(cell, cell_index):
    running["index"] = cell_index


client = NotebookClient(
    nb,
    timeout=timeout,
    kernel_name=kernel,
    resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
    on_cell_execute=on_cell_execute,
)
try:
    client.execute()
except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
    failed = {"index": running["index"], "message": f"{type(e).__name__}: {e}"}

with open(out, "w", encoding="utf-8") as f:
    nbformat.write(nb, f)
print(json.dumps({"failed": failed or None}))
