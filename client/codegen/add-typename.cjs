// Document transform for codegen.yml (`documentTransforms`): puts `__typename` in every selection set,
// as urql's cacheExchange does with the documents it executes. The persisted documents (the manifest the
// server executes by hash) then answer with every `__typename` the document cache invalidates by.
const { addTypenameSelectionDocumentTransform } = require('@graphql-codegen/client-preset');

// A named export assignment, so that import() of this CommonJS file sees it too.
exports.transform = addTypenameSelectionDocumentTransform.transform;
