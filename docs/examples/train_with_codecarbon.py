#!/usr/bin/env python3
"""Fine-tune a Hugging Face model with CodeCarbon measuring the energy, then attest it on Greenprint.

    pip install "transformers>=4.40" datasets "accelerate>=0.26" torch "codecarbon>=2.3"
    python docs/examples/train_with_codecarbon.py            # writes runs/emissions.csv

    # install the command line into this project once (see docs/walkthrough.md):
    npm install /path/to/greenprint/packages/greenprint-cli-0.1.0.tgz
    # register the model once; it prints the new model's id: use that id below
    export GREENPRINT_PRIVATE_KEY=0x...                       # or: --keystore path/to/keystore.json
    ./node_modules/.bin/greenprint model register --name distilbert-imdb --params 66955010 --task text-classification
    ./node_modules/.bin/greenprint attest --model <id it printed> --kind finetuning --codecarbon runs/emissions.csv

Set GREENPRINT_MODEL_ID to run the `attest` command automatically after training (add
GREENPRINT_DRY_RUN=1 to only simulate it). The script runs the INSTALLED binary
(GREENPRINT_BIN, default ./node_modules/.bin/greenprint) and stops if it is missing: it never
runs `npx greenprint`, which would fetch and run whatever package of that name the public
registry serves, with GREENPRINT_PRIVATE_KEY in its environment. CodeCarbon appends one row per run (more while
measuring, all with the same run_id); `greenprint attest --runs <run_id>` attests one run,
the default attests every run in the file.

What Greenprint reads from emissions.csv: energy_consumed (kWh, PUE included) of each run's
last row -> energyWh; emissions / energy_consumed -> grid intensity (gCO2e/kWh); the pue
column -> pueMilli; each run's last timestamp minus its duration .. the latest timestamp ->
the period; country and region -> the ISO 3166 region; gpu_count x duration -> accelerator hours. Every row goes into
the evidence document (SHA-256 on chain, document in the evidence store).
"""

import os
import shlex
import subprocess
import sys

from codecarbon import EmissionsTracker
from datasets import load_dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    Trainer,
    TrainingArguments,
)

MODEL = os.environ.get("BASE_MODEL", "distilbert-base-uncased")
# The installed @greenprint/cli (npm install <tarball>), never a name resolved by npx.
GREENPRINT_BIN = os.environ.get("GREENPRINT_BIN", os.path.join("node_modules", ".bin", "greenprint"))
OUTPUT_DIR = os.environ.get("OUTPUT_DIR", "runs")
# Facility overhead of the machine room; CodeCarbon multiplies the measured energy by it.
PUE = float(os.environ.get("PUE", "1.0"))


def build_trainer() -> Trainer:
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    dataset = load_dataset("imdb")
    train = dataset["train"].shuffle(seed=42).select(range(2000))
    test = dataset["test"].shuffle(seed=42).select(range(500))

    def tokenize(batch):
        return tokenizer(batch["text"], truncation=True, padding="max_length", max_length=256)

    train = train.map(tokenize, batched=True)
    test = test.map(tokenize, batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=2)
    args = TrainingArguments(
        output_dir=os.path.join(OUTPUT_DIR, "checkpoints"),
        num_train_epochs=1,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=32,
        eval_strategy="epoch",
        logging_steps=50,
        report_to=[],  # the tracker below measures the whole job, data loading included
    )
    return Trainer(model=model, args=args, train_dataset=train, eval_dataset=test)


def main() -> int:
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    trainer = build_trainer()
    tracker = EmissionsTracker(
        project_name="distilbert-imdb",
        output_dir=OUTPUT_DIR,
        output_file="emissions.csv",
        measure_power_secs=15,
        pue=PUE,
        log_level="warning",
    )
    tracker.start()
    try:
        trainer.train()
        print(trainer.evaluate())
    finally:
        kg = tracker.stop()  # writes the run's row to runs/emissions.csv
    csv = os.path.join(OUTPUT_DIR, "emissions.csv")
    print(f"CodeCarbon: {kg:.6f} kg CO2e, written to {csv}")

    command = [GREENPRINT_BIN, "attest", "--kind", "finetuning", "--codecarbon", csv]
    model_id = os.environ.get("GREENPRINT_MODEL_ID")
    if not model_id:
        print("Attest it with:\n  " + shlex.join(command[:2] + ["--model", "<modelId>"] + command[2:]))
        return 0
    if not os.access(GREENPRINT_BIN, os.X_OK):
        print(
            f"{GREENPRINT_BIN} is not installed: npm install /path/to/greenprint-cli-0.1.0.tgz "
            "(or set GREENPRINT_BIN to the installed greenprint)",
            file=sys.stderr,
        )
        return 2
    command[2:2] = ["--model", model_id]
    if os.environ.get("GREENPRINT_DRY_RUN"):
        command.append("--dry-run")
    print("$ " + shlex.join(command), flush=True)
    # Exit codes: 0 ok, 1 invalid input (nothing sent), 2 bad file, 3 RPC down, 4 revert, 5 key.
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
