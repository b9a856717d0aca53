import type { ParseOptions, ScalarTag, SchemaOptions } from 'yaml';

/**
 * Ansible reads YAML with PyYAML (YAML 1.1): `yes`/`no`/`on`/`off` are booleans and `<<` merges
 * mappings. The `yaml` package's own 1.1 schema reads names like `e0` as NaN, so this is the
 * 1.2 core schema with PyYAML's booleans and merge keys added.
 */
const pyyamlBool: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (s) => /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s),
};

export const ANSIBLE_YAML: ParseOptions & SchemaOptions = {
  merge: true,
  customTags: (tags) => [pyyamlBool, ...tags],
};
