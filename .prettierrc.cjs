/** @type {import('prettier').Config} */
// Prettier for the XML data and views (pre-commit hook, as in the OCA addons template).
const config = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSameLine: true,
    printWidth: 100,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "strict",
};

module.exports = config;
