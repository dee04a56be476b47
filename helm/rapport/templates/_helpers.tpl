{{/*
Chart name, or nameOverride. Kubernetes names are at most 63 characters.
*/}}
{{- define "rapport.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources: fullnameOverride, else "<release>-<chart>" (just the release name
when it already contains the chart name).
*/}}
{{- define "rapport.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
"<chart>-<version>" for the helm.sh/chart label.
*/}}
{{- define "rapport.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every resource.
*/}}
{{- define "rapport.labels" -}}
helm.sh/chart: {{ include "rapport.chart" . }}
{{ include "rapport.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | toString | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the release's pods (they never change between upgrades).
*/}}
{{- define "rapport.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rapport.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "rapport.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rapport.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Secret the pods read their secrets from: existingSecret, or the one this chart creates.
*/}}
{{- define "rapport.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "rapport.fullname" . }}
{{- end }}
{{- end }}

{{/*
"true" when REDIS_URL comes from the Secret rather than the ConfigMap.
*/}}
{{- define "rapport.redisUrlFromSecret" -}}
{{- if and (eq .Values.redis.mode "external") .Values.redis.urlFromSecret }}true{{ end }}
{{- end }}

{{/*
Secret values set in values.yaml, as JSON {ENV_NAME: value}; empty values are dropped, so unset optional
secrets create no key.
*/}}
{{- define "rapport.secretValues" -}}
{{- $all := dict
  "SLACK_BOT_TOKEN" .Values.slack.botToken
  "SLACK_SIGNING_SECRET" .Values.slack.signingSecret
  "SLACK_APP_TOKEN" .Values.slack.appToken
  "SLACK_CLIENT_ID" .Values.slack.clientId
  "SLACK_CLIENT_SECRET" .Values.slack.clientSecret
  "REDIS_PASSWORD" .Values.redis.password
  "RAPPORT_PULSE_SECRET" .Values.rapport.pulseSecret
  "RAPPORT_ENCRYPTION_KEY" .Values.rapport.encryptionKey
  "RAPPORT_ENCRYPTION_PREVIOUS_KEYS" (join "," .Values.rapport.previousEncryptionKeys)
}}
{{- if include "rapport.redisUrlFromSecret" . }}
{{- $_ := set $all "REDIS_URL" .Values.redis.url }}
{{- end }}
{{- $set := dict }}
{{- range $key, $value := $all }}
{{- if $value }}
{{- $_ := set $set $key (toString $value) }}
{{- end }}
{{- end }}
{{- toJson $set }}
{{- end }}

{{/*
Settings for the ConfigMap, as JSON {ENV_NAME: value}.
*/}}
{{- define "rapport.settings" -}}
{{- $s := dict
  "SLACK_API_URL" .Values.slack.apiUrl
  "RAPPORT_PULSE_MIN_RESPONSES" (toString .Values.rapport.pulseMinResponses)
  "RAPPORT_SCHEDULE_GRACE" .Values.rapport.scheduleGrace
  "MANAGEMENT_SERVER_PORT" (toString .Values.management.port)
}}
{{- if eq .Values.redis.mode "cluster" }}
{{- $_ := set $s "REDIS_CLUSTER_NODES" (join "," .Values.redis.clusterNodes) }}
{{- else if not (include "rapport.redisUrlFromSecret" .) }}
{{- $_ := set $s "REDIS_URL" (trim .Values.redis.url) }}
{{- end }}
{{- if .Values.rapport.admins }}
{{- $_ := set $s "RAPPORT_ADMINS" (join "," .Values.rapport.admins) }}
{{- end }}
{{- if .Values.rapport.publicUrl }}
{{- $_ := set $s "RAPPORT_PUBLIC_URL" .Values.rapport.publicUrl }}
{{- end }}
{{- if .Values.javaToolOptions }}
{{- $_ := set $s "JAVA_TOOL_OPTIONS" .Values.javaToolOptions }}
{{- end }}
{{- toJson $s }}
{{- end }}

{{/*
Refuses values that would render a broken or unsafe release. values.schema.json checks the same shapes
first; these checks also hold when the schema is skipped (helm --skip-schema-validation) and cover what a
schema cannot express.
*/}}
{{- define "rapport.validate" -}}
{{- $redis := .Values.redis }}
{{- if eq $redis.mode "cluster" }}
  {{- if $redis.url }}
    {{- fail "redis.mode is \"cluster\" but redis.url is set too: Rapport uses one or the other. Leave redis.url empty (the cluster nodes come from redis.clusterNodes), or use redis.mode=external." }}
  {{- end }}
  {{- if not $redis.clusterNodes }}
    {{- fail "redis.mode is \"cluster\" but redis.clusterNodes is empty: list the cluster's nodes as host:port, e.g. --set 'redis.clusterNodes={redis-0.redis:6379,redis-1.redis:6379}'." }}
  {{- end }}
  {{- range $node := $redis.clusterNodes }}
    {{- if not (regexMatch "^[^\\s:,/]+:[0-9]{1,5}$" (toString $node)) }}
      {{- fail (printf "redis.clusterNodes entry %q is not host:port." (toString $node)) }}
    {{- end }}
  {{- end }}
{{- else if eq $redis.mode "external" }}
  {{- if $redis.clusterNodes }}
    {{- fail "redis.clusterNodes is set but redis.mode is \"external\": Rapport uses one or the other. Set redis.mode=cluster to use the cluster, or empty redis.clusterNodes." }}
  {{- end }}
  {{- $url := trim (toString (default "" $redis.url)) }}
  {{- if and $redis.urlFromSecret $.Values.existingSecret }}
    {{- if $url }}
      {{- fail (printf "redis.urlFromSecret is true with existingSecret %q: the pods read REDIS_URL from that Secret, so leave redis.url empty." $.Values.existingSecret) }}
    {{- end }}
  {{- else }}
    {{- if not $url }}
      {{- fail "Rapport needs Redis: set redis.url (redis://host:6379 or rediss://... for TLS), or redis.mode=cluster with redis.clusterNodes. Without either the app would start an embedded Redis inside every pod, and replicas would not share data." }}
    {{- end }}
    {{- if not (regexMatch "^rediss?://[^\\s]+$" $url) }}
      {{- fail (printf "redis.url must start with redis:// or rediss:// (got %q)." (regexReplaceAll "//[^@/]*@" $url "//***@")) }}
    {{- end }}
    {{- if and (not $redis.urlFromSecret) (regexMatch "^rediss?://[^@/]*:[^@/]*@" $url) }}
      {{- fail "redis.url contains a password and would be stored in the ConfigMap: move the password to redis.password, or set redis.urlFromSecret=true to keep the URL in the Secret." }}
    {{- end }}
  {{- end }}
{{- else }}
  {{- fail (printf "redis.mode must be \"external\" or \"cluster\" (got %q)." (toString $redis.mode)) }}
{{- end }}
{{- if and .Values.slack.clientId .Values.slack.clientSecret (not .Values.existingSecret) (not .Values.rapport.encryptionKey) }}
  {{- fail "slack.clientId and slack.clientSecret install Rapport into several workspaces, which keeps their tokens in Redis sealed with rapport.encryptionKey: set it to 32 random bytes in base64, e.g. --set rapport.encryptionKey=\"$(openssl rand -base64 32)\" (the app refuses to start without it)." }}
{{- end }}
{{- if eq (int .Values.management.port) 3000 }}
  {{- fail "management.port must differ from the Slack port (3000): health and metrics are kept off the port the Service exposes." }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
  {{- fail "ingress.enabled is true but ingress.host is empty: set the public host name Slack will call, e.g. --set ingress.host=rapport.example.com." }}
{{- end }}
{{- if .Values.autoscaling.enabled }}
  {{- if gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas) }}
    {{- fail (printf "autoscaling.minReplicas (%d) is greater than autoscaling.maxReplicas (%d)." (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
  {{- end }}
{{- end }}
{{- if and (not .Values.existingSecret) (not .Values.rapport.pulseSecret) }}
  {{- fail "rapport.pulseSecret is required: the pulse seals open periods' answers under keys it wraps, and won't run without it. Set 32+ random characters, e.g. --set rapport.pulseSecret=$(openssl rand -hex 32), the same for the release's whole life (or put RAPPORT_PULSE_SECRET in existingSecret)." }}
{{- end }}
{{- if .Values.podDisruptionBudget.enabled }}
  {{- $replicas := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled | int }}
  {{- if ge (int .Values.podDisruptionBudget.minAvailable) $replicas }}
    {{- fail (printf "podDisruptionBudget.minAvailable (%d) must be lower than the replica count (%d), or no pod could ever be evicted and node drains would hang." (int .Values.podDisruptionBudget.minAvailable) $replicas) }}
  {{- end }}
{{- end }}
{{- end }}
