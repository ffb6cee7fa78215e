using Microsoft.OpenApi;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// Describes the upload form in the OpenAPI document. The handler streams the body itself, and
/// <c>Accepts</c> metadata would make routing refuse other content types with a bare 415 before
/// the handler can explain what to send.
/// </summary>
internal static class UploadFormOpenApi
{
    public static RouteHandlerBuilder DescribeUploadForm(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = FormSchema() },
                },
            };
            return Task.CompletedTask;
        });

    private static OpenApiSchema FormSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "file" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["file"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "binary",
                Description = "JPEG, PNG, GIF or WebP",
            },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["tags"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "Repeated, or comma-separated",
            },
        },
    };
}
