namespace DaprPhotos.Bench.Indexing;

/// <summary>
/// The vocabulary of the synthetic photos, most common first (the order sets the Zipf rank). The
/// queries in <see cref="BenchQueries"/> name words and tags from here.
/// </summary>
internal static class WordList
{
    /// <summary>Title words; eight start with "sun", so a prefix query has words to complete to.</summary>
    public static readonly string[] TitleWords =
    [
        "sunset", "beach", "family", "city", "morning", "lake", "mountain", "dinner", "park", "snow",
        "river", "street", "garden", "friends", "night", "birthday", "sea", "sun", "view", "old",
        "harbour", "forest", "bridge", "market", "church", "castle", "island", "sunrise", "winter",
        "summer", "autumn", "spring", "trip", "walk", "picnic", "wedding", "party", "kids", "dog",
        "cat", "boat", "train", "station", "museum", "tower", "square", "cafe", "road", "field",
        "flowers", "sunny", "rain", "fog", "storm", "clouds", "sky", "stars", "moon", "fireworks",
        "concert", "festival", "school", "home", "kitchen", "breakfast", "lunch", "cake", "coffee",
        "wine", "cheese", "bread", "pasta", "pizza", "sushi", "noodles", "temple", "shrine", "palace",
        "cathedral", "canal", "alley", "rooftop", "skyline", "lighthouse", "cliff", "dunes", "desert",
        "canyon", "valley", "glacier", "waterfall", "meadow", "vineyard", "orchard", "farm", "barn",
        "sunflower", "horse", "cow", "sheep", "bird", "owl", "fox", "deer", "bear", "whale", "dolphin",
        "crab", "shell", "sand", "wave", "surf", "kayak", "bike", "hike", "trail", "summit", "camp",
        "tent", "fire", "lantern", "candle", "christmas", "easter", "halloween", "graduation", "baby",
        "grandma", "grandpa", "cousins", "reunion", "sunday", "sundown", "sunlight", "sunshade",
        "portrait", "selfie", "reflection", "shadow", "silhouette", "golden", "blue", "red", "green",
        "quiet", "busy", "first", "last", "little", "big", "new", "evening", "afternoon", "midnight",
        "paris", "london", "tokyo", "york", "sydney", "cape", "town", "eiffel", "seine", "thames",
        "shibuya", "brooklyn", "opera", "table",
    ];

    /// <summary>Words descriptions add between title words: the most common words of all.</summary>
    public static readonly string[] DescriptionWords =
    [
        "the", "a", "and", "of", "at", "in", "on", "with", "our", "we", "to", "after", "before", "from",
        "by", "for", "was", "were", "it", "is", "this", "that", "first", "day", "time", "again", "all",
        "just", "so", "very", "back", "there", "here", "when", "while", "long", "short", "late", "early",
        "finally", "together", "everyone", "nobody", "almost", "only", "still", "warm", "cold", "wet",
        "dry", "bright", "dark", "light", "perfect", "lovely", "amazing", "beautiful", "tired", "happy",
    ];

    /// <summary>
    /// Tags besides <see cref="HalfTag"/>, which half of all photos carry (a "favourites" flag, say).
    /// </summary>
    public static readonly string[] Tags =
    [
        "family", "travel", "kids", "food", "nature", "friends", "vacation", "pets", "dog", "cat",
        "wedding", "party", "work", "home", "architecture", "landscape", "portrait", "street", "night",
        "art", "music", "sport", "hiking", "beach", "snow", "car", "flowers", "sky", "selfie",
        "christmas", "summer", "winter", "spring", "autumn", "baby", "school", "concert", "museum",
        "market", "garden",
    ];

    public const string HalfTag = "favorite";

    /// <summary>Camera make and model with a weight; phones lead, as in most libraries.</summary>
    public static readonly (string Make, string Model, int Weight)[] Cameras =
    [
        ("Apple", "iPhone 15 Pro", 22), ("Apple", "iPhone 13", 14), ("samsung", "Galaxy S23", 10),
        ("Google", "Pixel 8", 8), ("Canon", "Canon EOS R5", 8), ("Canon", "Canon EOS 90D", 6),
        ("NIKON CORPORATION", "NIKON Z 6_2", 7), ("SONY", "ILCE-7M4", 9), ("FUJIFILM", "X-T5", 6),
        ("OM Digital Solutions", "OM-5", 4),
    ];

    /// <summary>Where photos with a position cluster, with a weight.</summary>
    public static readonly (string Name, double Latitude, double Longitude, int Weight)[] Cities =
    [
        ("Paris", 48.8566, 2.3522, 30), ("New York", 40.7128, -74.0060, 20),
        ("Tokyo", 35.6762, 139.6503, 15), ("London", 51.5074, -0.1278, 15),
        ("Sydney", -33.8688, 151.2093, 10), ("Cape Town", -33.9249, 18.4241, 10),
    ];
}
