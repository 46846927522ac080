-- Every workflow saved before versions existed gets its version 1: runs execute versions.
INSERT INTO "workflow_versions" ("tenant_id", "workflow_id", "version", "name", "steps", "created_by", "created_at")
SELECT "tenant_id", "id", 1, "name", "steps", "created_by", "updated_at" FROM "workflows"
ON CONFLICT ("workflow_id", "version") DO NOTHING;
