package io.riskguard.config;

/** Where a value came from: its key path and how it shows in a message ({@code <missing>} for a default). */
record Source(String path, String shown) {

    static Source of(YamlNode node) {
        return new Source(node.path(), node.display());
    }

    ConfigProblem problem(String allowed) {
        return new ConfigProblem(path, shown, allowed);
    }
}
