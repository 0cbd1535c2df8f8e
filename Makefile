# Tasks. `make help` lists them.
.PHONY: help install site bundle serve test golden lint bench bench-sites eval clean

help:           ## list the tasks
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:        ## install the generator with its test tools
	pip install -e '.[test]'

site:           ## generate docs/ from seeds/ and build site/
	report-site build

bundle:         ## build the offline site and zip it into dist/
	report-site bundle

serve:          ## live preview on http://127.0.0.1:8000 (after `make site`)
	mkdocs serve

test:           ## run every test (the browser tests need Debian's chromium)
	python -m pytest

golden:         ## refresh the golden files; review the diff before committing
	UPDATE_GOLDEN=1 python -m pytest tests/test_parse.py tests/test_extract.py -q -k golden
	git diff --stat tests/golden

bench:          ## extraction per report, then whole builds at 1, 40 and 200 reports beside plain MkDocs
	python scripts/benchmark.py
	python scripts/bench_sites.py

bench-sites:    ## whole builds at 1, 40 and 200 reports beside a plain MkDocs site of the same text
	python scripts/bench_sites.py

eval:           ## accuracy on texts kept outside the repo: make eval CORPUS=dir [PAIRS=dir] [SPLIT=test]
	python scripts/evaluate.py $(CORPUS) --split $(or $(SPLIT),test)
	$(if $(PAIRS),python scripts/evaluate_scorecard.py $(PAIRS) --split $(or $(SPLIT),test))

lint:           ## static checks
	ruff check generator tests scripts

clean:          ## remove build output
	rm -rf site .site.staging .docs.staging dist .dist.staging test-results
