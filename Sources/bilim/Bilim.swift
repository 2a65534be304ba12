@main struct Bilim { static func main() {} }
