{{/* Labels every object carries; name is the service (wage, gateway, postgres). */}}
{{- define "platform.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: qinghai-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* What a Service and a NetworkPolicy select a workload's pods by. */}}
{{- define "platform.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Image reference of a platform image. */}}
{{- define "platform.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.registry .image .root.Values.image.tag }}
{{- end -}}

{{/* Restricted pod security (Pod Security Standards "restricted"). */}}
{{- define "platform.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "platform.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
A generated secret value that survives upgrades: on `helm upgrade` the value in the live Secret, else the value
given in values, else a new random one. Only upgrades look the live Secret up: on install there is nothing to keep
(and `helm template`/lint, here and in charts-tests, never reach a cluster).
*/}}
{{- define "platform.keptSecret" -}}
{{- $live := dict -}}
{{- if .root.Release.IsUpgrade -}}
{{- $live = lookup "v1" "Secret" .root.Release.Namespace .secret | default dict -}}
{{- end -}}
{{- if and $live.data (hasKey $live.data .key) -}}
{{- index $live.data .key | b64dec -}}
{{- else if .value -}}
{{- .value -}}
{{- else -}}
{{- randAlphaNum 40 -}}
{{- end -}}
{{- end -}}

{{/* Database host and port the services use (cloudnative-pg: the operator's read-write Service <cluster>-rw). */}}
{{- define "platform.dbHost" -}}
{{- if eq .Values.database.mode "internal" -}}postgres
{{- else if eq .Values.database.mode "cloudnative-pg" -}}{{ .Values.database.cloudnativePg.clusterName }}-rw
{{- else -}}{{ .Values.database.external.host }}{{- end -}}
{{- end -}}
{{- define "platform.dbPort" -}}
{{- if eq .Values.database.mode "external" -}}{{ .Values.database.external.port }}{{- else -}}5432{{- end -}}
{{- end -}}

{{/*
The autoscaling of one stateless Deployment: the global `autoscaling` values, overridden key by key by the
workload's own `autoscaling` (gateway.autoscaling, services.<name>.autoscaling). Returns YAML: (root, own).
*/}}
{{- define "platform.autoscaling" -}}
{{- merge (deepCopy (.own | default dict)) (deepCopy .root.Values.autoscaling) | toYaml -}}
{{- end -}}

{{/* Whether a Deployment gets a PodDisruptionBudget: more than one replica, fixed or as the HPA's minimum. */}}
{{- define "platform.pdb" -}}
{{- $a := include "platform.autoscaling" (dict "root" .root "own" .own) | fromYaml -}}
{{- if $a.enabled -}}{{- if gt (int $a.minReplicas) 1 -}}true{{- end -}}
{{- else if gt (int .replicas) 1 -}}true{{- end -}}
{{- end -}}

{{/* JDBC URL of one service database: (root, svc) */}}
{{- define "platform.jdbcUrl" -}}
{{- $params := ternary .root.Values.database.external.jdbcParams "" (eq .root.Values.database.mode "external") -}}
jdbc:postgresql://{{ include "platform.dbHost" .root }}:{{ include "platform.dbPort" .root }}/{{ .svc.database.name }}{{ if $params }}?{{ $params }}{{ end }}
{{- end -}}

{{/* Secret with a service's database credentials (keys username, password). */}}
{{- define "platform.dbSecretName" -}}
{{- .svc.database.existingSecret | default (printf "%s-db" .name) -}}
{{- end -}}

{{/* The environment variable prefix of a service by name, e.g. health-data -> HEALTH_DATA. */}}
{{- define "platform.envPrefixOf" -}}
{{- (index .root.Values.services .name).envPrefix -}}
{{- end -}}

{{/* Volumes every platform container writes to: /tmp only (Netty extracts native libraries there). */}}
{{- define "platform.tmpVolume" -}}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
{{- end -}}

{{/* Pod annotations so a Prometheus scrapes /prometheus on the management port. */}}
{{- define "platform.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /prometheus
{{- end -}}

{{/* The db-init script: wait for the server, then per service create the role and database if missing. */}}
{{- define "platform.dbInitScript" -}}
set -eu
until pg_isready -q; do echo "waiting for PostgreSQL at $PGHOST:$PGPORT"; sleep 2; done
ensure() {
  # $1 database, $2 role, $3 password. Identifiers and the password go through psql variables, never the shell.
  psql -v ON_ERROR_STOP=1 -q -v db="$1" -v role="$2" -v pw="$3" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')\gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT ALL ON DATABASE :"db" TO :"role";
SQL
  echo "database $1 ready for role $2"
}
{{- range $name, $svc := .Values.services }}
{{- if $svc.enabled }}
ensure {{ $svc.database.name | quote }} "${{ $svc.envPrefix }}_DB_USER" "${{ $svc.envPrefix }}_DB_PASSWORD"
{{- end }}
{{- end }}
{{- end -}}

{{/* The db-init Job spec: (root, script, adminSecret, pgImage, ctx). */}}
{{- define "platform.dbInitJobSpec" -}}
spec:
  backoffLimit: 10
  template:
    metadata:
      labels:
        {{- include "platform.labels" $.ctx | nindent 8 }}
      annotations:
        checksum/script: {{ $.script | sha256sum | trunc 16 }}
    spec:
      serviceAccountName: db-init
      automountServiceAccountToken: false
      restartPolicy: OnFailure
      securityContext:
        {{- include "platform.podSecurityContext" (dict "uid" .root.Values.database.internal.runAsUser) | nindent 8 }}
      containers:
        - name: db-init
          image: {{ $.pgImage }}
          imagePullPolicy: IfNotPresent
          command: ["sh", "/scripts/init.sh"]
          env:
            - name: PGHOST
              value: {{ include "platform.dbHost" .root | quote }}
            - name: PGPORT
              value: {{ include "platform.dbPort" .root | quote }}
            - name: PGDATABASE
              value: postgres
            - name: PGUSER
              valueFrom:
                secretKeyRef:
                  name: {{ $.adminSecret }}
                  key: username
            - name: PGPASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $.adminSecret }}
                  key: password
            - name: HOME
              value: /tmp
            {{- range $name, $svc := $.root.Values.services }}
            {{- if $svc.enabled }}
            - name: {{ $svc.envPrefix }}_DB_USER
              valueFrom:
                secretKeyRef:
                  name: {{ include "platform.dbSecretName" (dict "name" $name "svc" $svc) }}
                  key: username
            - name: {{ $svc.envPrefix }}_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "platform.dbSecretName" (dict "name" $name "svc" $svc) }}
                  key: password
            {{- end }}
            {{- end }}
          resources:
            {{- toYaml .root.Values.database.initResources | nindent 12 }}
          securityContext:
            {{- include "platform.containerSecurityContext" (dict "uid" .root.Values.database.internal.runAsUser) | nindent 12 }}
          volumeMounts:
            - name: scripts
              mountPath: /scripts
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: scripts
          configMap:
            name: db-init
        {{- include "platform.tmpVolume" .root | nindent 8 }}
{{- end -}}

{{/* The in-cluster URL of the local OpenID Connect provider (auth.localProvider): its issuer when called there. */}}
{{- define "platform.localProviderIssuer" -}}
{{ printf "http://identity-provider:%v/qinghai" .Values.auth.localProvider.port }}
{{- end -}}

{{/* The issuer the gateway and services trust: auth.issuer, else the local provider's in-cluster URL when it is on. */}}
{{- define "platform.issuer" -}}
{{- if .Values.auth.issuer -}}{{ .Values.auth.issuer }}
{{- else if .Values.auth.localProvider.enabled -}}{{ include "platform.localProviderIssuer" . }}
{{- end -}}
{{- end -}}

{{/*
"true" only when the issuer is the local provider's in-cluster URL (its Service name, short or as a cluster FQDN):
the kit accepts plain http for it then, and requires https for every other issuer.
*/}}
{{- define "platform.allowHttpIssuer" -}}
{{- $local := printf "^http://identity-provider(\\.[a-z0-9-]+\\.svc(\\.[a-z0-9.-]+)?)?:%v/qinghai$" .Values.auth.localProvider.port -}}
{{- and .Values.auth.localProvider.enabled (regexMatch $local (include "platform.issuer" .)) -}}
{{- end -}}
