// Document transform for codegen.yml (`documentTransforms`): puts `__typename` in every selection set,
// as Apollo Client's cache does with the documents it executes. The persisted documents (the manifest
// the server executes by hash) then ask for every `__typename` the cache needs, and the typed documents
// the client executes are already complete, so the cache leaves them (and their `__meta__.hash`) as they are.
const { addTypenameSelectionDocumentTransform } = require('@graphql-codegen/client-preset');

// A named export assignment, so that import() of this CommonJS file sees it too.
exports.transform = addTypenameSelectionDocumentTransform.transform;
