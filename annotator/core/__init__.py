"""The Qt-free core: domain model, project store, label schema, text helpers and file formats."""
