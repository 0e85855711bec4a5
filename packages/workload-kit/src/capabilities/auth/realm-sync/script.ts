// The realm-sync Job's script. Kept as a string (not a file beside the bundle) so the published kit carries
// it; the tests write it out and run it through shellcheck and through bash with only the image's tools.
/**
 * Reconciles an app's realm with its definition, in the Keycloak image: bash + coreutils + kcadm.sh only,
 * client credentials from the environment, no secret on any command line, `DRY_RUN=true` for the plan.
 */
export const SYNC_SCRIPT = `#!/bin/bash
# Reconciles one app's Keycloak realm with its definition (a KeycloakRealmImport only ever creates).
#
# Runs in the Keycloak image (UBI micro): bash, coreutils, findutils and kcadm.sh, nothing else. So no
# awk, sed, grep or jq: every parse below is bash parameter expansion. No secret is ever a command
# argument: kcadm reads the sync client's secret from KC_CLI_CLIENT_SECRET, and the API client's secret
# reaches kcadm on stdin through a here-string.
#
# It owns exactly what carries the description "$MANAGED": the clients and realm roles of the
# definition. It creates what is missing, overwrites what exists (redirect URIs and web origins are
# replaced, so removed ones disappear, each named first), and deletes the owned clients, roles and
# protocol mappers the definition no longer has. DRY_RUN=true prints the same plan and changes nothing.
set -euo pipefail

: "\${KEYCLOAK_URL:?}" "\${REALM:?}" "\${SYNC_CLIENT_ID:?}" "\${KC_CLI_CLIENT_SECRET:?}"
CONFIG_DIR=\${CONFIG_DIR:-/config}
KCADM=\${KCADM:-/opt/keycloak/bin/kcadm.sh}
DRY_RUN=\${DRY_RUN:-false}
readonly MANAGED='managed by ultron realm sync'
readonly KC_CONFIG=/tmp/kcadm.config
verb=''
if [[ $DRY_RUN == true ]]; then verb='would '; fi

kc() { "$KCADM" "$@" --config "$KC_CONFIG"; }
# The keys of an associative array, sorted, so every run prints its plan in the same order.
sorted() { if (($# > 0)); then printf '%s\\n' "$@" | sort; fi; }

retry() {
  local attempt
  for ((attempt = 1; attempt <= 60; attempt++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 5
  done
  echo "timed out: $*" >&2
  return 1
}

# Says what changes, then applies it, unless this is a dry run.
change() {
  local what=$1
  shift
  echo "$verb$what"
  if [[ $DRY_RUN != true ]]; then "$@" >/dev/null; fi
}

# The elements of the one array in \`kcadm get --fields <field>\` output, one per line. Jackson prints
# \`{ "field" : [ "a", "b" ] }\`; URIs and origins hold neither quotes nor blanks.
json_array() {
  local items=$1
  if [[ $items != *\\[* ]]; then return 0; fi
  items=\${items#*\\[}
  items=\${items%\\]*}
  items=\${items//[$'\\n\\r\\t ']/}
  if [[ -z $items ]]; then return 0; fi
  items=\${items//\\",\\"/$'\\n'}
  items=\${items#\\"}
  items=\${items%\\"}
  printf '%s\\n' "$items"
}

# Client credentials of the realm's own sync client; its secret comes from the environment only.
retry kc config credentials --server "$KEYCLOAK_URL" --realm "$REALM" --client "$SYNC_CLIENT_ID"
# The realm exists once the operator has run the import.
retry kc get "realms/$REALM"

declare -A desired_clients=() desired_roles=() client_uuid=() client_owned=()
for file in "$CONFIG_DIR"/client--*.json; do
  if [[ ! -e $file ]]; then continue; fi
  name=\${file##*/client--}
  desired_clients[\${name%.json}]=$file
done
for file in "$CONFIG_DIR"/role--*.json; do
  if [[ ! -e $file ]]; then continue; fi
  name=\${file##*/role--}
  desired_roles[\${name%.json}]=$file
done

while IFS=, read -r id client_id description; do
  if [[ -z $id ]]; then continue; fi
  client_uuid[$client_id]=$id
  if [[ $description == "$MANAGED" ]]; then client_owned[$client_id]=1; fi
done < <(kc get clients -r "$REALM" --fields id,clientId,description --format csv --noquotes)

# Clients the definition no longer has: only ever the ones this sync manages.
mapfile -t owned < <(sorted "\${!client_owned[@]}")
for client_id in "\${owned[@]}"; do
  if [[ -z \${desired_clients[$client_id]:-} ]]; then
    change "delete client $client_id" kc delete "clients/\${client_uuid[$client_id]}" -r "$REALM"
  fi
done

mapfile -t wanted < <(sorted "\${!desired_clients[@]}")
for client_id in "\${wanted[@]}"; do
  file=\${desired_clients[$client_id]}
  uuid=\${client_uuid[$client_id]:-}
  if [[ -z $uuid ]]; then
    change "create client $client_id" kc create clients -r "$REALM" -f "$file"
    if [[ $DRY_RUN == true ]]; then continue; fi
    uuid=$(kc get clients -r "$REALM" -q "clientId=$client_id" --fields id --format csv --noquotes)
  else
    # Name every redirect URI and web origin the update drops before dropping it.
    for field in redirectUris webOrigins; do
      declare -A keep=()
      list="$CONFIG_DIR/$field--$client_id.txt"
      if [[ -e $list ]]; then
        while IFS= read -r uri; do
          if [[ -n $uri ]]; then keep[$uri]=1; fi
        done <"$list"
      fi
      while IFS= read -r uri; do
        if [[ -n $uri && -z \${keep[$uri]:-} ]]; then
          echo "\${verb}remove $uri from $field of client $client_id"
        fi
      done < <(json_array "$(kc get "clients/$uuid" -r "$REALM" --fields "$field")")
      unset keep
    done
    change "update client $client_id" kc update "clients/$uuid" -r "$REALM" -f "$file"
  fi

  # Protocol mappers: every mapper of a managed client comes from the definition.
  declare -A desired_mappers=() mapper_id=()
  for mapper in "$CONFIG_DIR/mapper--$client_id--"*.json; do
    if [[ ! -e $mapper ]]; then continue; fi
    name=\${mapper##*/mapper--"$client_id"--}
    desired_mappers[\${name%.json}]=$mapper
  done
  while IFS=, read -r id name; do
    if [[ -n $id ]]; then mapper_id[$name]=$id; fi
  done < <(kc get "clients/$uuid/protocol-mappers/models" -r "$REALM" --fields id,name --format csv --noquotes)
  mapfile -t names < <(sorted "\${!mapper_id[@]}")
  for name in "\${names[@]}"; do
    if [[ -z \${desired_mappers[$name]:-} ]]; then
      change "delete protocol mapper $name of client $client_id" \\
        kc delete "clients/$uuid/protocol-mappers/models/\${mapper_id[$name]}" -r "$REALM"
    fi
  done
  mapfile -t names < <(sorted "\${!desired_mappers[@]}")
  for name in "\${names[@]}"; do
    if [[ -n \${mapper_id[$name]:-} ]]; then
      change "update protocol mapper $name of client $client_id" \\
        kc update "clients/$uuid/protocol-mappers/models/\${mapper_id[$name]}" -r "$REALM" \\
        -f "\${desired_mappers[$name]}" -s "id=\${mapper_id[$name]}"
    else
      change "create protocol mapper $name of client $client_id" \\
        kc create "clients/$uuid/protocol-mappers/models" -r "$REALM" -f "\${desired_mappers[$name]}"
    fi
  done
  unset desired_mappers mapper_id
done

# Realm roles: the same ownership rule as clients.
declare -A role_owned=() role_exists=()
while IFS=, read -r name description; do
  if [[ -z $name ]]; then continue; fi
  role_exists[$name]=1
  if [[ $description == "$MANAGED" ]]; then role_owned[$name]=1; fi
done < <(kc get roles -r "$REALM" --fields name,description --format csv --noquotes)
mapfile -t names < <(sorted "\${!role_owned[@]}")
for name in "\${names[@]}"; do
  if [[ -z \${desired_roles[$name]:-} ]]; then
    change "delete role $name" kc delete "roles/$name" -r "$REALM"
  fi
done
mapfile -t names < <(sorted "\${!desired_roles[@]}")
for name in "\${names[@]}"; do
  if [[ -n \${role_exists[$name]:-} ]]; then
    change "update role $name" kc update "roles/$name" -r "$REALM" -f "\${desired_roles[$name]}"
  else
    change "create role $name" kc create roles -r "$REALM" -f "\${desired_roles[$name]}"
  fi
done

# The API client's secret, from its Kubernetes Secret: on stdin, never on a command line.
if [[ -n \${API_CLIENT_ID:-} && -n \${KC_API_CLIENT_SECRET:-} ]]; then
  echo "\${verb}set the secret of client $API_CLIENT_ID from its Secret"
  if [[ $DRY_RUN != true ]]; then
    uuid=$(kc get clients -r "$REALM" -q "clientId=$API_CLIENT_ID" --fields id --format csv --noquotes)
    secret=\${KC_API_CLIENT_SECRET//\\\\/\\\\\\\\}
    secret=\${secret//\\"/\\\\\\"}
    kc update "clients/$uuid" -r "$REALM" -f - <<<"{\\"secret\\":\\"$secret\\"}" >/dev/null
  fi
fi
echo "realm $REALM \${verb:+would be }in sync"
`;
