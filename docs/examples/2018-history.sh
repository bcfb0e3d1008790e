#!/usr/bin/env bash
# Replays, through the HTTP command API, the 2018 start of the joint digitalisation work in Trøndelag:
#   - the steering group's (rådmannsutvalget's) decision of 2 May 2018 adopting the strategy,
#   - Indre Fosen joining the collaboration by its own council decision,
#   - the joint case and records system (felles sak-/arkivsystem) proposed, approved and joined,
#   - the 2019 secretariat budget, funded partly from the County Governor's discretionary grants.
# The decision's points follow the strategy; case numbers, dates of the council decision and all amounts are
# illustrative, not taken from the municipalities' records.
#
# Usage: docs/examples/2018-history.sh [base-url]     (default http://localhost:8080, a freshly seeded ledger)
set -euo pipefail

BASE_URL="${1:-${BASE_URL:-http://localhost:8080}}"
CURL_AUTH=()
if [[ -n "${LEDGER_USER:-}" ]]; then
    CURL_AUTH=(-u "${LEDGER_USER}:${LEDGER_PASSWORD:-$LEDGER_USER}")
fi

send() {
    local command="$1" body="$2"
    echo "-> ${command}"
    curl --silent --show-error --fail-with-body "${CURL_AUTH[@]}" \
        -H 'Content-Type: application/json' -X POST "${BASE_URL}/api/commands/${command}" --data "${body}"
    echo
}

send RecordSteeringGroupDecision '{
  "decisionId": "sg-2018-05-02-07",
  "meetingDate": "2018-05-02",
  "caseNumber": "18/7",
  "title": "Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021",
  "text": "Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
  "points": [
    "Strategien vedtas.",
    "Det utarbeides en samarbeidsavtale for kommunene.",
    "Rådmannsutvalget er styringsgruppe for samhandlingen.",
    "Det etableres en strategigruppe med et sekretariat på minst 2 årsverk.",
    "Regionene etablerer regionale eFagråd.",
    "Et kompetanseprogram for ledere starter høsten 2018.",
    "Felles sak-/arkivsystem er første felles satsing.",
    "Oppstarten finansieres med skjønnsmidler.",
    "Kommunene anbefales å slutte seg til samarbeidet."
  ]
}'

send JoinCollaboration '{
  "participantId": "5054",
  "effectiveDate": "2018-06-14",
  "authority": {"body": "Indre Fosen kommunestyre", "caseNumber": "18/1234", "date": "2018-06-14"}
}'

send ProposeInitiative '{
  "initiativeId": "felles-sak-arkiv",
  "title": "Felles sak- og arkivsystem",
  "description": "Felles anskaffelse og innføring av sak-/arkivsystem for kommunene i Trøndelag.",
  "pillar": "PRIORITISED_INITIATIVES",
  "goals": [1, 3, 4],
  "proposedBy": "Rådmannsutvalget"
}'

send ApproveInitiative '{
  "initiativeId": "felles-sak-arkiv",
  "decisionId": "sg-2018-05-02-07",
  "budgetNok": "1500000.00"
}'

send JoinInitiative '{
  "initiativeId": "felles-sak-arkiv",
  "participantId": "5054",
  "effectiveDate": "2018-09-01"
}'

send SetSecretariatBudget '{
  "year": 2019,
  "requiredFte": 2.0,
  "amountNok": "2000000.00",
  "decisionId": "sg-2018-05-02-07"
}'

send AllocateSecretariatFunding '{
  "year": 2019,
  "source": "DISCRETIONARY_GRANT",
  "amountNok": "1000000.00",
  "decisionId": "sg-2018-05-02-07"
}'

send PledgeSecretariatFunding '{
  "year": 2019,
  "participantId": "5054",
  "amountNok": "50000.00",
  "authority": {"body": "Indre Fosen kommunestyre", "caseNumber": "18/1234", "date": "2018-06-14"}
}'

echo "Done. Try: curl '${BASE_URL}/api/reports/participation/fosen' and '${BASE_URL}/api/reports/funding?year=2019'"
