"""The GraphQL style: one endpoint, /graphql, on the same services as REST."""
