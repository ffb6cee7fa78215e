using System.Text.Json.Serialization;

namespace DaprPhotos.Upload.Photos;

/// <summary>
/// Where a photo is in the pipeline. The numeric order is the only direction a status may move:
/// an event that would move it back (a duplicate, or one that arrives late) changes nothing.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PhotoStatus>))]
public enum PhotoStatus
{
    Uploaded = 1,
    Thumbnailed = 2,

    /// <summary>A step gave up; a later success (a redrive) still moves the photo on.</summary>
    Failed = 3,
    Indexed = 4,

    /// <summary>Terminal: nothing brings a deleted photo back.</summary>
    Deleted = 5,
}
