// Small PutObject throughput: a bounded number of workers each loop PutObject (AWSSDK.S3 defaults: aws-chunked body
// with a CRC32 trailer) until the shared request budget is spent. Prints one line: requests/s, p50 and p99 latency (ms).
// Usage: SmallPuts <endpoint> <bucket> <accessKey> <secretKey> <requests> <parallelism> <bodyBytes>
using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: SmallPuts <endpoint> <bucket> <accessKey> <secretKey> <requests> <parallelism> <bodyBytes>");
    return 2;
}

var (endpoint, bucket, accessKey, secretKey) = (args[0], args[1], args[2], args[3]);
var requests = int.Parse(args[4]);
var parallelism = int.Parse(args[5]);
var body = new byte[int.Parse(args[6])];
Random.Shared.NextBytes(body);

using var s3 = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
{
    ServiceURL = endpoint,
    ForcePathStyle = true,
    AuthenticationRegion = "us-east-1",
    MaxConnectionsPerServer = parallelism,
});

async Task<double[]> RunAsync(int count, string prefix)
{
    var latencies = new double[count];
    var next = -1;
    var workers = Enumerable.Range(0, parallelism).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = $"{prefix}/{i:D7}",
                InputStream = new MemoryStream(body, writable: false),
            });
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    });
    await Task.WhenAll(workers);
    return latencies;
}

await RunAsync(Math.Min(500, requests), "bench-warmup");
var clock = Stopwatch.StartNew();
var measured = await RunAsync(requests, $"bench-small-{Guid.NewGuid():N}");
var seconds = clock.Elapsed.TotalSeconds;
Array.Sort(measured);
Console.WriteLine(FormattableString.Invariant(
    $"{requests / seconds:F0} req/s, p50 {measured[measured.Length / 2]:F2} ms, p99 {measured[(int)(measured.Length * 0.99)]:F2} ms ({requests} x {body.Length} B, {parallelism} parallel, {seconds:F1} s)"));
return 0;
